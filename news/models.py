from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field

from unionsite.images import reencode_image, validate_image_upload
from unionsite.search import folded_words
from unionsite.slugs import unique_slug
from unionsite.text import vn_slugify

from .sanitize import clean_html, html_to_text, require_image_alt

SLUG_MAX = 200
# The site's one folding rule for search words (unionsite/search.py).
search_words = folded_words


def search_form(text: str) -> str:
    """How text is stored for search: folded words between single spaces, with a space at
    both ends so " word " matches whole words only."""
    return f" {' '.join(search_words(text))} "


def search_meta_form(byline: str, tag_names) -> str:
    """The byline and tag names as stored for search (see ``search_form``)."""
    return search_form(" ".join([byline, *tag_names]))


class SluggedModel(models.Model):
    """Fills ``slug`` from ``slug_source`` once; later title edits keep the address stable."""

    slug_source = "name"
    slug_fallback = "muc"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.slug:
            self.slug = vn_slugify(self.slug, max_length=SLUG_MAX) or self.slug_fallback
        if not self.slug or type(self).objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
            self.slug = unique_slug(
                type(self),
                self.slug or getattr(self, self.slug_source),
                exclude_pk=self.pk,
                fallback=self.slug_fallback,
                max_length=SLUG_MAX - 8,
            )
        super().save(*args, **kwargs)


class Category(SluggedModel):
    name = models.CharField("Tên chuyên mục", max_length=120)
    slug = models.SlugField(
        "Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True,
        help_text="Để trống để tạo tự động từ tên.",
    )  # fmt: skip
    description = models.TextField("Mô tả", blank=True)
    parent = models.ForeignKey(
        "self", verbose_name="Chuyên mục cha", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="children",
    )  # fmt: skip
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)
    show_in_menu = models.BooleanField("Hiện trên menu", default=True)

    slug_fallback = "chuyen-muc"

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "Chuyên mục"
        verbose_name_plural = "Chuyên mục"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:category", kwargs={"slug": self.slug})


class Tag(SluggedModel):
    name = models.CharField("Tên thẻ", max_length=100, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True)

    slug_fallback = "the"

    class Meta:
        ordering = ["name"]
        verbose_name = "Thẻ"
        verbose_name_plural = "Thẻ"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:tag", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published and due (``publish_at`` not in the future)."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=timezone.now())

    def for_lists(self):
        """Only the columns article cards use (no body, no search text)."""
        return self.only(
            "id", "title", "slug", "summary", "publish_at", "cover", "cover_alt", "cover_caption",
            "cover_width", "cover_height", "view_count", "featured",
        ).order_by("-publish_at", "-id")  # fmt: skip


class Article(SluggedModel):
    class Status(models.TextChoices):
        # The stored values of the old two states are kept ("draft", "published"), so the
        # reader's filter and every address stay as they were (migration news/0004).
        DRAFT = "draft", "Nháp"
        SUBMITTED = "submitted", "Chờ duyệt"
        RETURNED = "returned", "Trả lại"
        PUBLISHED = "published", "Đã duyệt"
        WITHDRAWN = "withdrawn", "Gỡ xuống"

    title = models.CharField("Tiêu đề", max_length=300)
    slug = models.SlugField(
        "Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True,
        help_text="Để trống để tạo tự động từ tiêu đề; giữ nguyên khi sửa tiêu đề.",
    )  # fmt: skip
    summary = models.TextField("Sa-pô (tóm tắt)", blank=True)
    body = CKEditor5Field("Nội dung", blank=True)
    cover = models.ImageField(
        "Ảnh đại diện", upload_to="news/%Y/%m/", blank=True,
        width_field="cover_width", height_field="cover_height",
        validators=[validate_image_upload],
        help_text="JPEG, PNG, WebP hoặc GIF; tối đa 10 MB và 40 triệu điểm ảnh.",
    )  # fmt: skip
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_caption = models.CharField("Chú thích ảnh", max_length=300, blank=True)
    cover_alt = models.CharField(
        "Mô tả ảnh (alt)", max_length=300, blank=True,
        help_text="Cho người khiếm thị; để trống sẽ dùng chú thích ảnh.",
    )  # fmt: skip
    byline = models.CharField("Tác giả", max_length=200, blank=True)
    source = models.CharField("Nguồn", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người tạo", null=True, blank=True,
        editable=False, on_delete=models.SET_NULL, related_name="news_articles",
    )  # fmt: skip
    categories = models.ManyToManyField(
        Category, verbose_name="Chuyên mục", blank=True, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, verbose_name="Thẻ", blank=True, related_name="articles")
    # Changed only by the transitions in news/workflow.py, never by a form.
    status = models.CharField(
        "Trạng thái", max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    submitted_at = models.DateTimeField("Gửi duyệt lúc", null=True, blank=True, editable=False)
    publish_at = models.DateTimeField(
        "Thời điểm xuất bản", default=timezone.now,
        help_text="Đặt thời điểm trong tương lai để hẹn giờ đăng.",
    )  # fmt: skip
    featured = models.BooleanField("Tin nổi bật", default=False)
    view_count = models.PositiveIntegerField("Lượt xem", default=0, editable=False)
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)
    # Folded (lower-case, no diacritics, đ→d) copies for diacritics-insensitive search:
    # the title; the byline and tag names (kept by signals when tags change); sapo and body.
    search_title = models.TextField(editable=False, default="")
    search_meta = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    # PostgreSQL only: the weighted vector of the three columns above, written by a trigger
    # (migration news/0003) and GIN-indexed; NULL and unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    slug_source = "title"
    slug_fallback = "bai-viet"

    class Meta:
        ordering = ["-publish_at", "-id"]
        verbose_name = "Bài viết"
        verbose_name_plural = "Bài viết"
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="news_article_pub_idx"),
            models.Index(fields=["-view_count"], name="news_article_views_idx"),
            models.Index(fields=["status", "submitted_at"], name="news_article_queue_idx"),
        ]
        permissions = [
            ("submit_article", "Gửi bài chờ duyệt"),
            ("approve_article", "Duyệt, trả lại và gỡ bài"),
            ("edit_any_article", "Sửa bài của mọi người, ở mọi chuyên mục"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fill_derived_fields(
            tag_names=list(self.tags.values_list("name", flat=True)) if self.pk else []
        )
        if self.cover and not self.cover._committed:
            # A new upload: store the re-encoded image under a random name, never the original.
            self.cover = reencode_image(self.cover.file)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:article", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        require_image_alt(self.body)

    def fill_derived_fields(self, *, tag_names) -> None:
        """Sanitised body and the folded search columns (``save()`` calls this; so does the
        benchmarks' volume filler, which creates articles in bulk)."""
        self.body = clean_html(self.body)
        self.search_title = search_form(self.title)
        self.search_meta = search_meta_form(self.byline, tag_names)
        self.search_text = search_form(f"{self.summary} {html_to_text(self.body)}")

    @property
    def is_visible(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    @property
    def image_alt(self) -> str:
        return self.cover_alt or self.cover_caption or self.title


class ArticleTransition(models.Model):
    """One step of an article through the editorial workflow: who, when, why (news/workflow.py)."""

    class Action(models.TextChoices):
        SUBMIT = "submit", "Gửi duyệt"
        RETURN = "return", "Trả lại"
        APPROVE = "approve", "Duyệt đăng"
        UNPUBLISH = "unpublish", "Gỡ xuống"
        # A live article's content changed by someone who may not publish: kept aside as a
        # ``PendingEdit`` while readers keep the live version.
        PROPOSE = "propose", "Gửi bản sửa"
        APPROVE_EDIT = "approve_edit", "Duyệt bản sửa"
        RETURN_EDIT = "return_edit", "Trả lại bản sửa"
        LEGACY = "legacy", "Có từ trước quy trình duyệt"

    article = models.ForeignKey(
        Article, verbose_name="Bài viết", on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField("Thao tác", max_length=12, choices=Action.choices)
    from_status = models.CharField(
        "Từ trạng thái", max_length=12, choices=Article.Status.choices, blank=True
    )
    to_status = models.CharField("Sang trạng thái", max_length=12, choices=Article.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người thực hiện", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    at = models.DateTimeField("Lúc", default=timezone.now)
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "Bước duyệt bài"
        verbose_name_plural = "Các bước duyệt bài"
        indexes = [models.Index(fields=["article", "-at"], name="news_transition_article_idx")]

    def __str__(self):
        return f"{self.get_action_display()}: {self.article_id}"


class PendingEdit(models.Model):
    """The next version of a live article, waiting for an approver (news/workflow.py).

    ``data`` holds the content fields as JSON (``workflow.PENDING_FIELDS``; categories and
    tags as lists of ids); the article itself stays as readers see it until approval."""

    article = models.OneToOneField(
        Article, verbose_name="Bài viết", on_delete=models.CASCADE, related_name="pending_edit"
    )
    data = models.JSONField("Nội dung chờ duyệt")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người sửa", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    at = models.DateTimeField("Lúc", default=timezone.now)

    class Meta:
        ordering = ["at"]
        verbose_name = "Bản sửa chờ duyệt"
        verbose_name_plural = "Bản sửa chờ duyệt"

    def __str__(self):
        return str(self.article)


class Contributor(models.Model):
    """The categories a "Cộng tác viên" account may write in (news/workflow.py checks it)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="Tài khoản", on_delete=models.CASCADE,
        related_name="news_contributor",
    )  # fmt: skip
    categories = models.ManyToManyField(
        Category, verbose_name="Chuyên mục được viết", related_name="contributors"
    )

    class Meta:
        verbose_name = "Phạm vi cộng tác viên"
        verbose_name_plural = "Phạm vi cộng tác viên"

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


TRANSLATION_MUST_BE_ENGLISH = "Chỉ trang tiếng Anh mới là bản dịch của một trang tiếng Việt."


class Page(SluggedModel):
    """A page editors maintain: Giới thiệu, Cơ cấu tổ chức, Liên hệ, …; or one in English
    under /en/ (About, Organisational structure…), linked to the Vietnamese page it translates."""

    class Language(models.TextChoices):
        VI = "vi", "Tiếng Việt"
        EN = "en", "Tiếng Anh (English)"

    title = models.CharField("Tiêu đề", max_length=200)
    slug = models.SlugField("Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True)
    body = CKEditor5Field("Nội dung", blank=True)
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)
    show_in_menu = models.BooleanField("Hiện trên menu", default=False)
    show_in_footer = models.BooleanField("Hiện ở chân trang", default=True)
    language = models.CharField(
        "Ngôn ngữ", max_length=2, choices=Language.choices, default=Language.VI,
        help_text="Trang tiếng Anh ở /en/…, không hiện trên menu và chân trang tiếng Việt.",
    )  # fmt: skip
    translation_of = models.ForeignKey(
        "self", verbose_name="Bản dịch của trang", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="translations",
        limit_choices_to={"language": "vi"},
        help_text="Với trang tiếng Anh: trang tiếng Việt mà nó dịch (hai trang chỉ sang nhau).",
    )  # fmt: skip
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    slug_source = "title"
    slug_fallback = "trang"

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "Trang tĩnh"
        verbose_name_plural = "Trang tĩnh"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        name = "news:english-page" if self.language == self.Language.EN else "news:page"
        return reverse(name, kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        require_image_alt(self.body)
        if self.translation_of_id and self.language != self.Language.EN:
            raise ValidationError({"translation_of": TRANSLATION_MUST_BE_ENGLISH})
