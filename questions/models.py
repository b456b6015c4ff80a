"""Hỏi đáp pháp luật (legal questions answered in public) and Góp ý (feedback to a department).

A question's e-mail and phone are for the answer only: never shown on a reader page, erased
``QUESTIONS_CONTACT_DAYS`` after the answer (``services.erase_old_contacts``). Lĩnh vực and the
departments receiving feedback are editable lists.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field

# news.models is that app's public module; it carries the sanitiser and the search folding.
from news.models import SluggedModel, clean_html, html_to_text, search_form

SLUG_MAX = 200
QUESTION_MAX = 3000
# Unambiguous letters and digits (no 0/O, 1/I/L): 12 of them are about 60 bits, so a code
# cannot be guessed, and a person can read one out over the phone.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12
PUBLISHED_NEEDS_ANSWER = "Câu hỏi chỉ được công khai khi đã có câu trả lời."

DISTRICTS = [
    "Thành phố Thanh Hóa", "Thành phố Sầm Sơn", "Thị xã Bỉm Sơn", "Thị xã Nghi Sơn",
    "Huyện Bá Thước", "Huyện Cẩm Thủy", "Huyện Đông Sơn", "Huyện Hà Trung", "Huyện Hậu Lộc",
    "Huyện Hoằng Hóa", "Huyện Lang Chánh", "Huyện Mường Lát", "Huyện Nga Sơn",
    "Huyện Ngọc Lặc", "Huyện Như Thanh", "Huyện Như Xuân", "Huyện Nông Cống",
    "Huyện Quan Hóa", "Huyện Quan Sơn", "Huyện Quảng Xương", "Huyện Thạch Thành",
    "Huyện Thiệu Hóa", "Huyện Thọ Xuân", "Huyện Thường Xuân", "Huyện Triệu Sơn",
    "Huyện Vĩnh Lộc", "Huyện Yên Định", "Ngoài tỉnh Thanh Hóa",
]  # fmt: skip
DISTRICT_CHOICES = [(name, name) for name in DISTRICTS]
# What migration 0002 creates; the demo makes them again on a flushed test database.
DEFAULT_TOPICS = [
    "Lao động – việc làm", "Tiền lương", "Bảo hiểm xã hội", "An toàn vệ sinh lao động",
    "Công đoàn", "Khác",
]  # fmt: skip
DEFAULT_DEPARTMENTS = ["Văn phòng", "Ban Tuyên giáo", "Ban Chính sách – Pháp luật", "Ban Tổ chức"]


def new_code() -> str:
    """A reference code like ``HD-7KQ2-M9XA-4TRC``."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "HD-" + "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """What a person typed (" hd 7kq2m9xa4trc ") as a stored code, or "" if it cannot be one."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    raw = raw.removeprefix("HD")
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        return ""
    return "HD-" + "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


class Topic(SluggedModel):
    name = models.CharField("Tên lĩnh vực", max_length=120, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True)
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    slug_fallback = "linh-vuc"

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "Lĩnh vực hỏi đáp"
        verbose_name_plural = "Lĩnh vực hỏi đáp"

    def __str__(self):
        return self.name


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Question.Status.PUBLISHED)

    def for_lists(self):
        return (
            self.select_related("topic")
            .only(
                "pk", "slug", "title", "question", "asker_name", "show_name", "district",
                "published_at", "topic__name", "topic__slug",
            )
            .order_by("-published_at", "-pk")
        )  # fmt: skip

    def contacts_due_for_erasure(self, *, now, days: int):
        """Questions still holding an e-mail or phone ``days`` after their answer (or after
        being rejected, or after arriving if nobody answered them)."""
        cutoff = now - timezone.timedelta(days=days)
        has_contact = ~Q(email="") | ~Q(phone="")
        answered = Q(answered_at__lt=cutoff)
        rejected = Q(status=Question.Status.REJECTED, updated_at__lt=cutoff)
        # Never answered: kept twice as long so a late answer can still reach the asker.
        forgotten = Q(answered_at__isnull=True, created_at__lt=cutoff - (now - cutoff))
        return self.filter(has_contact & (answered | rejected | forgotten))


class Question(SluggedModel):
    class Status(models.TextChoices):
        NEW = "new", "Mới gửi"
        ASSIGNED = "assigned", "Đã giao người trả lời"
        ANSWERED = "answered", "Đã trả lời"
        PUBLISHED = "published", "Đã công khai"
        REJECTED = "rejected", "Từ chối"

    class RejectReason(models.TextChoices):
        SPAM = "spam", "Thư rác, quảng cáo"
        OFF_TOPIC = "off_topic", "Không thuộc phạm vi tư vấn"
        DUPLICATE = "duplicate", "Trùng câu hỏi khác"

    code = models.CharField("Mã tra cứu", max_length=20, unique=True, editable=False)
    topic = models.ForeignKey(
        Topic, verbose_name="Lĩnh vực", on_delete=models.PROTECT, related_name="questions"
    )
    asker_name = models.CharField("Tên hoặc bí danh", max_length=100)
    email = models.EmailField("E-mail", max_length=254, blank=True)
    phone = models.CharField("Số điện thoại", max_length=20, blank=True)
    district = models.CharField(
        "Nơi làm việc (huyện)", max_length=60, blank=True, choices=DISTRICT_CHOICES
    )
    question = models.TextField(
        "Câu hỏi",
        max_length=QUESTION_MAX,
        help_text="Có thể sửa chính tả, bỏ thông tin cá nhân trước khi công khai.",
    )
    title = models.CharField(
        "Tiêu đề công khai", max_length=255, blank=True,
        help_text="Để trống: lấy những chữ đầu của câu hỏi.",
    )  # fmt: skip
    status = models.CharField(
        "Trạng thái", max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    reject_reason = models.CharField(
        "Lý do từ chối", max_length=12, choices=RejectReason.choices, blank=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người trả lời", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="assigned_questions",
    )  # fmt: skip
    answer = CKEditor5Field("Câu trả lời", blank=True)
    documents = models.ManyToManyField(
        "documents.Document", verbose_name="Văn bản được dẫn", blank=True,
        related_name="questions",
    )  # fmt: skip
    show_name = models.BooleanField(
        "Hiện tên người hỏi khi công khai", default=True,
        help_text="Bỏ chọn để hiện “Bạn đọc” thay cho tên. E-mail, điện thoại không bao giờ hiện.",
    )  # fmt: skip
    slug = models.SlugField(
        "Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True,
        help_text="Để trống để tạo tự động từ tiêu đề.",
    )  # fmt: skip
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người đã trả lời", null=True, blank=True,
        editable=False, on_delete=models.SET_NULL, related_name="answered_questions",
    )  # fmt: skip
    answered_at = models.DateTimeField("Trả lời lúc", null=True, blank=True, editable=False)
    answer_emailed_at = models.DateTimeField(
        "Đã gửi trả lời qua e-mail lúc", null=True, blank=True, editable=False
    )
    published_at = models.DateTimeField("Công khai lúc", null=True, blank=True, editable=False)
    contact_erased_at = models.DateTimeField(
        "Đã xóa liên hệ lúc", null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField("Gửi lúc", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)
    # The signed form's one-time nonce: a double submit finds the question it already made.
    form_nonce = models.CharField(max_length=32, unique=True, editable=False)
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")

    objects = QuestionQuerySet.as_manager()

    slug_source = "public_title"
    slug_fallback = "hoi-dap"

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "Câu hỏi pháp luật"
        verbose_name_plural = "Câu hỏi pháp luật"
        indexes = [models.Index(fields=["status", "-published_at"], name="questions_pub_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | ~Q(answer=""),
                name="questions_published_has_answer",
                violation_error_message=PUBLISHED_NEEDS_ANSWER,
            ),
        ]

    def __str__(self):
        return f"{self.code} — {self.public_title[:80]}"

    @property
    def public_title(self) -> str:
        if self.title:
            return self.title
        words = " ".join(self.question.split())
        return words if len(words) <= 120 else words[:120].rsplit(" ", 1)[0] + "…"

    @property
    def shown_name(self) -> str:
        return self.asker_name if self.show_name and self.asker_name else "Bạn đọc"

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_code()
        if not self.form_nonce:
            self.form_nonce = secrets.token_hex(16)
        self.answer = clean_html(self.answer)
        self.search_title = search_form(self.public_title)
        self.search_text = search_form(f"{self.question} {html_to_text(self.answer)}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("questions:detail", kwargs={"slug": self.slug})

    def get_status_url(self):
        return reverse("questions:status", kwargs={"code": self.code})

    @property
    def has_contact(self) -> bool:
        return bool(self.email or self.phone)


class Department(SluggedModel):
    name = models.CharField("Tên bộ phận", max_length=120, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=SLUG_MAX, unique=True, blank=True)
    email = models.EmailField(
        "E-mail nhận góp ý", blank=True,
        help_text="Hộp thư chung của bộ phận; các cán bộ dưới đây cũng nhận thư.",
    )  # fmt: skip
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="Cán bộ tiếp nhận", blank=True,
        related_name="feedback_departments",
        help_text="Tài khoản quản trị (có “Là nhân viên”) xem góp ý gửi bộ phận này.",
    )  # fmt: skip
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)

    slug_fallback = "bo-phan"

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "Bộ phận tiếp nhận góp ý"
        verbose_name_plural = "Bộ phận tiếp nhận góp ý"

    def __str__(self):
        return self.name


class Feedback(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "Mới gửi"
        HANDLED = "handled", "Đã xử lý"
        REJECTED = "rejected", "Thư rác"

    department = models.ForeignKey(
        Department, verbose_name="Gửi tới", on_delete=models.PROTECT, related_name="messages"
    )
    document = models.ForeignKey(
        "documents.Document", verbose_name="Góp ý cho dự thảo", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="feedback",
    )  # fmt: skip
    name = models.CharField("Họ tên", max_length=100)
    email = models.EmailField("E-mail", max_length=254, blank=True)
    phone = models.CharField("Số điện thoại", max_length=20, blank=True)
    subject = models.CharField("Tiêu đề", max_length=200)
    message = models.TextField("Nội dung", max_length=QUESTION_MAX)
    status = models.CharField(
        "Trạng thái", max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    note = models.TextField("Ghi chú xử lý", blank=True)
    created_at = models.DateTimeField("Gửi lúc", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)
    contact_erased_at = models.DateTimeField(
        "Đã xóa liên hệ lúc", null=True, blank=True, editable=False
    )
    form_nonce = models.CharField(max_length=32, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "Góp ý"
        verbose_name_plural = "Góp ý"
        permissions = [("view_all_feedback", "Xem góp ý gửi mọi bộ phận")]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        if not self.form_nonce:
            self.form_nonce = secrets.token_hex(16)
        super().save(*args, **kwargs)
