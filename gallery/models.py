import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

# news.models is that app's public module: one slug rule for every reader address.
from news.models import SluggedModel
from unionsite.images import reencode_image, validate_image_upload

from .media import VideoRef, parse_video_url, validate_mp4_upload

# Stored originals are at most this many pixels on their longer side; the photo page's
# largest rendition is 1600 wide, and a 24-megapixel camera photo would be 8 MB for nothing.
PHOTO_MAX_SIDE = 2400
IMAGE_HELP = "JPEG, PNG, WebP hoặc GIF; tối đa 10 MB và 40 triệu điểm ảnh."
VIDEO_SOURCE_REQUIRED = "Hãy nhập địa chỉ video YouTube/Facebook hoặc tải lên một tệp MP4."
VIDEO_SOURCE_BOTH = "Chỉ chọn một nguồn: địa chỉ video hoặc tệp MP4, không cả hai."


def _reencoded(fieldfile, *, max_side=None):
    """A new upload in ``fieldfile`` re-encoded under a random name; a stored file unchanged."""
    if fieldfile and not fieldfile._committed:
        return reencode_image(fieldfile.file, max_side=max_side)
    return fieldfile


class AlbumQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_lists(self):
        """With the cover photo and the number of photos, in one query."""
        return (
            self.select_related("cover")
            .annotate(photo_count=models.Count("photos"))
            .order_by("-taken_on", "-id")
        )


class Album(SluggedModel):
    title = models.CharField("Tên album", max_length=300)
    slug = models.SlugField(
        "Đường dẫn", max_length=200, unique=True, blank=True,
        help_text="Để trống để tạo tự động từ tên; giữ nguyên khi sửa tên.",
    )  # fmt: skip
    taken_on = models.DateField("Ngày", help_text="Ngày diễn ra sự kiện trong ảnh.")
    description = models.TextField("Mô tả", blank=True)
    cover = models.ForeignKey(
        "Photo", verbose_name="Ảnh bìa", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text="Để trống để dùng ảnh đầu tiên của album.",
    )  # fmt: skip
    is_published = models.BooleanField(
        "Công khai", default=False,
        help_text="Bỏ chọn để chuẩn bị album (chú thích, mô tả ảnh) trước khi đăng.",
    )  # fmt: skip
    # Attached here, not on Article/Congress, so that those apps need not know the gallery.
    articles = models.ManyToManyField(
        "news.Article", verbose_name="Bài viết", blank=True, related_name="albums"
    )
    congresses = models.ManyToManyField(
        "congresses.Congress", verbose_name="Đại hội", blank=True, related_name="albums"
    )
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    objects = AlbumQuerySet.as_manager()

    slug_source = "title"
    slug_fallback = "album"

    class Meta:
        ordering = ["-taken_on", "-id"]
        verbose_name = "Album ảnh"
        verbose_name_plural = "Album ảnh"
        indexes = [models.Index(fields=["is_published", "-taken_on"], name="gallery_album_pub_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("gallery:album", kwargs={"slug": self.slug})


class Photo(models.Model):
    album = models.ForeignKey(
        Album, verbose_name="Album", on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(
        "Ảnh", upload_to="gallery/%Y/%m/", width_field="width", height_field="height",
        validators=[validate_image_upload], help_text=IMAGE_HELP,
    )  # fmt: skip
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    caption = models.CharField("Chú thích", max_length=300, blank=True)
    alt_text = models.CharField(
        "Mô tả ảnh (alt)", max_length=300, blank=True,
        help_text="Cho người khiếm thị; để trống sẽ dùng chú thích.",
    )  # fmt: skip
    position = models.PositiveIntegerField("Thứ tự", default=0)
    # Read from the photo's EXIF before it is re-encoded (which drops EXIF, GPS included).
    taken_at = models.DateTimeField("Chụp lúc", null=True, blank=True, editable=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "Ảnh"
        verbose_name_plural = "Ảnh"
        indexes = [models.Index(fields=["album", "position", "id"], name="gallery_photo_order_idx")]

    def __str__(self):
        return self.caption or f"Ảnh {self.pk or ''}".strip()

    def save(self, *args, **kwargs):
        self.image = _reencoded(self.image, max_side=PHOTO_MAX_SIDE)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("gallery:photo", kwargs={"slug": self.album.slug, "pk": self.pk})


class VideoQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Video(SluggedModel):
    class Provider(models.TextChoices):
        YOUTUBE = "youtube", "YouTube"
        FACEBOOK = "facebook", "Facebook"
        FILE = "file", "Tệp MP4"

    title = models.CharField("Tiêu đề", max_length=300)
    slug = models.SlugField(
        "Đường dẫn", max_length=200, unique=True, blank=True,
        help_text="Để trống để tạo tự động từ tiêu đề.",
    )  # fmt: skip
    description = models.TextField("Mô tả", blank=True)
    url = models.URLField(
        "Địa chỉ video", max_length=500, blank=True,
        help_text="Địa chỉ video YouTube hoặc Facebook; hoặc để trống và tải lên tệp MP4.",
    )  # fmt: skip
    file = models.FileField(
        "Tệp MP4", upload_to="gallery/videos/%Y/", blank=True,
        help_text="Video MP4 (H.264/AAC), tối đa 200 MB.",
    )  # fmt: skip
    poster = models.ImageField(
        "Ảnh đại diện", upload_to="gallery/posters/%Y/", blank=True,
        width_field="poster_width", height_field="poster_height",
        validators=[validate_image_upload], help_text=IMAGE_HELP,
    )  # fmt: skip
    poster_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    poster_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    provider = models.CharField("Nguồn", max_length=10, choices=Provider.choices, editable=False)
    # The YouTube id, or the Facebook video's canonical address (gallery/media.py).
    provider_key = models.CharField(max_length=200, blank=True, editable=False)
    published_on = models.DateField("Ngày đăng")
    is_published = models.BooleanField("Công khai", default=True)
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    objects = VideoQuerySet.as_manager()

    slug_source = "title"
    slug_fallback = "video"

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = "Video"
        verbose_name_plural = "Video"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("gallery:video", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.url and self.file:
            raise ValidationError(VIDEO_SOURCE_BOTH, code="both")
        if not self.url and not self.file:
            raise ValidationError(VIDEO_SOURCE_REQUIRED, code="required")
        if self.url:
            try:
                parse_video_url(self.url)
            except ValidationError as exc:
                raise ValidationError({"url": exc}) from None
        elif not self.file._committed:
            try:
                validate_mp4_upload(self.file.file)
            except ValidationError as exc:
                raise ValidationError({"file": exc}) from None

    def save(self, *args, **kwargs):
        if self.url:
            ref = parse_video_url(self.url)
            self.provider, self.provider_key = ref.provider, ref.key
        else:
            self.provider, self.provider_key = self.Provider.FILE, ""
            if self.file and not self.file._committed:
                # Never the uploader's file name: a random one, always ".mp4".
                self.file.name = f"{uuid.uuid4().hex}.mp4"
        self.poster = _reencoded(self.poster)
        super().save(*args, **kwargs)

    @property
    def ref(self) -> VideoRef | None:
        if self.provider in {self.Provider.YOUTUBE, self.Provider.FACEBOOK}:
            return VideoRef(self.provider, self.provider_key)
        return None
