from django.db import models
from django.urls import reverse
from django_ckeditor_5.fields import CKEditor5Field

# news.models is that app's public module: the slug rule and the sanitiser of every rich text.
from news.models import SluggedModel, clean_html, require_image_alt
from unionsite.images import reencode_image, validate_image_upload

BANNER_MAX_SIDE = 1920


class TopicQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Topic(SluggedModel):
    """A page gathering one event's or campaign's content ("Đại hội XX Công đoàn tỉnh"):
    the articles of a tag, and the documents, albums and congresses editors choose."""

    title = models.CharField("Tên chuyên đề", max_length=300)
    slug = models.SlugField(
        "Đường dẫn", max_length=200, unique=True, blank=True,
        help_text="Để trống để tạo tự động từ tên; giữ nguyên khi sửa tên.",
    )  # fmt: skip
    intro = CKEditor5Field("Giới thiệu", blank=True)
    banner = models.ImageField(
        "Ảnh banner", upload_to="topics/%Y/", blank=True,
        width_field="banner_width", height_field="banner_height",
        validators=[validate_image_upload],
        help_text="Ảnh ngang đầu trang chuyên đề; JPEG, PNG, WebP hoặc GIF, tối đa 10 MB.",
    )  # fmt: skip
    banner_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    banner_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    banner_alt = models.CharField("Mô tả ảnh banner (alt)", max_length=300, blank=True)
    tag = models.ForeignKey(
        "news.Tag", verbose_name="Thẻ bài viết", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text="Các bài viết đã xuất bản mang thẻ này hiện trong chuyên đề.",
    )  # fmt: skip
    documents = models.ManyToManyField(
        "documents.Document", verbose_name="Văn bản", blank=True, related_name="+"
    )
    albums = models.ManyToManyField(
        "gallery.Album", verbose_name="Album ảnh", blank=True, related_name="+"
    )
    congresses = models.ManyToManyField(
        "congresses.Congress", verbose_name="Đại hội", blank=True, related_name="+"
    )
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)
    is_published = models.BooleanField("Công khai", default=False)
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    objects = TopicQuerySet.as_manager()

    slug_source = "title"
    slug_fallback = "chuyen-de"

    class Meta:
        ordering = ["order", "-created_at"]
        verbose_name = "Chuyên đề"
        verbose_name_plural = "Chuyên đề"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.intro = clean_html(self.intro)
        if self.banner and not self.banner._committed:
            self.banner = reencode_image(self.banner.file, max_side=BANNER_MAX_SIDE)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        require_image_alt(self.intro)

    def get_absolute_url(self):
        return reverse("topics:detail", kwargs={"slug": self.slug})
