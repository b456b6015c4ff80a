"""The document library (Văn bản): directing and administrative documents with their files.

Loại, cơ quan ban hành and lĩnh vực are editable lists. Tình trạng hiệu lực is never stored:
it follows from the dates and "bị thay thế bởi" (``Document.status`` for one document,
``DocumentQuerySet.with_status`` for a filter), so it changes on its own when a date passes.
"""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field

# news.models is that app's public module; it also carries the sanitiser the articles use.
from news.models import SluggedModel, clean_html, html_to_text, search_form

from .files import KINDS, MAX_FILE_BYTES, inspect_upload

SLUG_MAX = 200


class DocumentType(SluggedModel):
    name = models.CharField("Tên loại văn bản", max_length=100, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True)
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    slug_fallback = "loai"

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "Loại văn bản"
        verbose_name_plural = "Loại văn bản"

    def __str__(self):
        return self.name


class Issuer(SluggedModel):
    name = models.CharField("Tên cơ quan ban hành", max_length=255, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True)
    organisation = models.ForeignKey(
        "congresses.Organisation",
        verbose_name="Tổ chức công đoàn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="document_issuers",
        limit_choices_to=~Q(level="grassroots"),
        help_text=(
            "Chọn nếu cơ quan là một LĐLĐ trong hệ thống: cán bộ của LĐLĐ đó được đăng "
            "văn bản do đơn vị mình ban hành."
        ),
    )
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    slug_fallback = "co-quan"

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "Cơ quan ban hành"
        verbose_name_plural = "Cơ quan ban hành"

    def __str__(self):
        return self.name


class Field(SluggedModel):
    name = models.CharField("Tên lĩnh vực", max_length=150, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True)

    slug_fallback = "linh-vuc"

    class Meta:
        ordering = ["name"]
        verbose_name = "Lĩnh vực"
        verbose_name_plural = "Lĩnh vực"

    def __str__(self):
        return self.name


class Status(models.TextChoices):
    DRAFT = "du-thao", "Dự thảo lấy ý kiến"
    PENDING = "chua-hieu-luc", "Chưa có hiệu lực"
    IN_FORCE = "con-hieu-luc", "Còn hiệu lực"
    EXPIRED = "het-hieu-luc", "Hết hiệu lực"
    REPLACED = "bi-thay-the", "Bị thay thế"


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: marked published and due."""
        return self.filter(is_published=True, publish_at__lte=timezone.now())

    def with_status(self, status: str, *, today: datetime.date | None = None):
        """Documents whose derived status is ``status`` on ``today`` (see ``Document.status``)."""
        today = today or timezone.localdate()
        draft = Q(comment_until__isnull=False)
        replaced = Q(replaced_by__isnull=False)
        expired = Q(effective_until__isnull=False, effective_until__lte=today)
        pending = Q(effective_from__isnull=False, effective_from__gt=today)
        conditions = {
            Status.DRAFT: draft,
            Status.REPLACED: ~draft & replaced,
            Status.EXPIRED: ~draft & ~replaced & expired,
            Status.PENDING: ~draft & ~replaced & ~expired & pending,
            Status.IN_FORCE: ~draft & ~replaced & ~expired & ~pending,
        }
        return self.filter(conditions[status])

    def for_lists(self):
        return (
            self.select_related("doc_type", "issuer")
            .defer("body", "search_number", "search_title", "search_text")
            .order_by("-issued_on", "-id")
        )


class Document(SluggedModel):
    number = models.CharField(
        "Số ký hiệu",
        max_length=64,
        blank=True,
        help_text="Ví dụ: 61/KH-LĐLĐ; để trống nếu văn bản không số.",
    )
    doc_type = models.ForeignKey(
        DocumentType, verbose_name="Loại văn bản", on_delete=models.PROTECT,
        related_name="documents",
    )  # fmt: skip
    issuer = models.ForeignKey(
        Issuer, verbose_name="Cơ quan ban hành", on_delete=models.PROTECT,
        related_name="documents",
    )  # fmt: skip
    signer = models.CharField("Người ký", max_length=150, blank=True)
    issued_on = models.DateField("Ngày ban hành")
    effective_from = models.DateField(
        "Ngày hiệu lực", null=True, blank=True, help_text="Để trống: có hiệu lực từ ngày ban hành."
    )
    effective_until = models.DateField(
        "Ngày hết hiệu lực", null=True, blank=True,
        help_text="Từ ngày này văn bản không còn hiệu lực.",
    )  # fmt: skip
    replaced_by = models.ForeignKey(
        "self", verbose_name="Bị thay thế bởi", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="replaces",
    )  # fmt: skip
    fields = models.ManyToManyField(
        Field, verbose_name="Lĩnh vực", blank=True, related_name="documents"
    )
    title = models.TextField("Trích yếu", max_length=1000)
    body = CKEditor5Field("Nội dung", blank=True)
    related = models.ManyToManyField(
        "self", verbose_name="Văn bản liên quan", blank=True, symmetrical=True
    )
    articles = models.ManyToManyField(
        "news.Article", verbose_name="Bài viết dẫn văn bản này", blank=True,
        related_name="documents",
    )  # fmt: skip
    comment_until = models.DateField(
        "Dự thảo lấy ý kiến đến ngày", null=True, blank=True,
        help_text="Chỉ điền với dự thảo đang lấy ý kiến góp ý.",
    )  # fmt: skip
    is_published = models.BooleanField("Công khai", default=True)
    publish_at = models.DateTimeField("Thời điểm đăng", default=timezone.now)
    slug = models.SlugField(
        "Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True,
        help_text="Để trống để tạo tự động từ số ký hiệu và trích yếu.",
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người tạo", null=True, blank=True,
        editable=False, on_delete=models.SET_NULL, related_name="documents",
    )  # fmt: skip
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)
    # Derived, for the duplicate rule, the year filter and diacritics-free search.
    number_key = models.CharField(max_length=64, editable=False, default="", db_index=True)
    issued_year = models.PositiveSmallIntegerField(editable=False, default=0, db_index=True)
    search_number = models.CharField(max_length=200, editable=False, default="")
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")

    objects = DocumentQuerySet.as_manager()

    slug_source = "slug_text"
    slug_fallback = "van-ban"

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = "Văn bản"
        verbose_name_plural = "Văn bản"
        permissions = [("manage_all_documents", "Quản lý văn bản của mọi cơ quan ban hành")]
        indexes = [models.Index(fields=["is_published", "-issued_on"], name="documents_pub_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_from__isnull=True) | Q(effective_from__gte=F("issued_on")),
                name="documents_effective_after_issue",
                violation_error_message="Ngày hiệu lực không thể trước ngày ban hành.",
            ),
            models.CheckConstraint(
                condition=Q(effective_until__isnull=True) | Q(effective_until__gt=F("issued_on")),
                name="documents_expiry_after_issue",
                violation_error_message="Ngày hết hiệu lực phải sau ngày ban hành.",
            ),
            models.UniqueConstraint(
                fields=["issuer", "number_key", "issued_year"],
                condition=~Q(number_key=""),
                name="documents_unique_number_per_issuer_year",
                violation_error_message="Cơ quan này đã có văn bản cùng số ký hiệu trong năm.",
            ),
        ]

    def __str__(self):
        return f"{self.number} — {self.title[:80]}" if self.number else self.title[:100]

    @property
    def slug_text(self) -> str:
        return f"{self.number} {self.title}"[:120]

    @staticmethod
    def make_number_key(number: str) -> str:
        """ "61/KH-LĐLĐ", "61/kh-ldld" and "61 KH LĐLĐ" are the same number."""
        return "".join(search_form(number).split())[:64]

    def clean(self):
        errors = {}
        if self.issued_on and self.effective_from and self.effective_from < self.issued_on:
            errors["effective_from"] = (
                f"Ngày hiệu lực {self.effective_from:%d/%m/%Y} không thể trước ngày ban hành "
                f"{self.issued_on:%d/%m/%Y}."
            )
        if self.issued_on and self.effective_until and self.effective_until <= self.issued_on:
            errors["effective_until"] = "Ngày hết hiệu lực phải sau ngày ban hành."
        if (
            self.effective_from
            and self.effective_until
            and self.effective_until <= self.effective_from
        ):
            errors.setdefault("effective_until", "Ngày hết hiệu lực phải sau ngày hiệu lực.")
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            errors["replaced_by"] = "Văn bản không thể bị thay thế bởi chính nó."
        key = self.make_number_key(self.number)
        if key and self.issuer_id and self.issued_on:
            clash = (
                Document.objects.filter(
                    issuer_id=self.issuer_id, number_key=key, issued_year=self.issued_on.year
                )
                .exclude(pk=self.pk)
                .first()
            )
            if clash is not None:
                errors["number"] = (
                    f"{self.issuer} đã có văn bản số {clash.number} năm {self.issued_on.year}: "
                    f"“{clash.title[:80]}”."
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        self.number = " ".join(self.number.split())
        self.number_key = self.make_number_key(self.number)
        self.issued_year = self.issued_on.year if self.issued_on else 0
        self.search_number = search_form(self.number)
        self.search_title = search_form(self.title)
        super().save(*args, **kwargs)

    def refresh_search_text(self) -> None:
        """Store the folded text of the body, signer and attached files (after files change)."""
        parts = [self.signer, html_to_text(self.body)]
        parts += list(self.files.values_list("text", flat=True))
        text = search_form(" ".join(parts))
        Document.objects.filter(pk=self.pk).update(search_text=text)
        self.search_text = text

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"slug": self.slug})

    @property
    def is_visible(self) -> bool:
        return self.is_published and self.publish_at <= timezone.now()

    def status_on(self, today: datetime.date) -> Status:
        if self.comment_until:
            return Status.DRAFT
        if self.replaced_by_id:
            return Status.REPLACED
        if self.effective_until and self.effective_until <= today:
            return Status.EXPIRED
        if self.effective_from and self.effective_from > today:
            return Status.PENDING
        return Status.IN_FORCE

    @property
    def status(self) -> Status:
        return self.status_on(timezone.localdate())

    @property
    def open_for_comment(self) -> bool:
        return bool(self.comment_until and self.comment_until >= timezone.localdate())


def document_file_path(instance, filename):
    """A random name under the year: the original name is kept in ``original_name``."""
    ext = instance.kind or "bin"
    return f"van-ban/{timezone.now():%Y}/{uuid.uuid4().hex}.{ext}"


def validate_document_file(value):
    # A stored file (re-saving the form) was checked when it was uploaded.
    if getattr(value, "_committed", False):
        return
    inspect_upload(value)


class DocumentFile(models.Model):
    document = models.ForeignKey(
        Document, verbose_name="Văn bản", on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(
        "Tệp",
        upload_to=document_file_path,
        max_length=200,
        validators=[validate_document_file],
        help_text=(
            f"PDF, DOC, DOCX, XLS, XLSX, ODT hoặc ZIP; tối đa {MAX_FILE_BYTES // 1024 // 1024} MB. "
            "Không nhận tệp có macro hoặc PDF có mật khẩu."
        ),
    )
    title = models.CharField(
        "Tên hiển thị", max_length=255, blank=True, help_text="Để trống: dùng tên tệp gốc."
    )
    original_name = models.CharField("Tên tệp gốc", max_length=255, editable=False, default="")
    kind = models.CharField("Định dạng", max_length=8, editable=False, default="")
    size = models.PositiveBigIntegerField("Dung lượng", editable=False, default=0)
    text = models.TextField(editable=False, default="")
    position = models.PositiveSmallIntegerField("Thứ tự", default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "Tệp đính kèm"
        verbose_name_plural = "Tệp đính kèm"

    def __str__(self):
        return self.title or self.original_name

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            # A new upload: remember what it is, then store it under a random name.
            info = inspect_upload(self.file.file)
            self.original_name = self.file.name.rsplit("/", 1)[-1][:255]
            self.kind = info.kind
            self.size = self.file.size
            self.text = info.text
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:file", kwargs={"slug": self.document.slug, "pk": self.pk})

    @property
    def label(self) -> str:
        return KINDS[self.kind].label if self.kind in KINDS else self.kind.upper()

    @property
    def content_type(self) -> str:
        return KINDS[self.kind].content_type if self.kind in KINDS else "application/octet-stream"

    @property
    def display_name(self) -> str:
        return self.title or self.original_name
