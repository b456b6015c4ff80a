"""Union organisations, terms and the congresses they hold.

The structure is dated (established, dissolved, merged into) because the 2025 reorganisation
removed the district level: a later term may have a different tree while the 2023–2028 records
keep the federations they had.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from unionsite.slugs import unique_slug

from .collation import vietnamese_sort_string

# Paths under /dai-hoi/ that are pages, not federations.
RESERVED_SLUGS = {"dai-hoi-diem", "mau-nhap-lieu"}


# Each rule that is both a database constraint and a clean() check says the same thing
# in both places: the message is written once here.
DISSOLVED_BEFORE_ESTABLISHED = "Ngày giải thể không thể trước ngày thành lập."
MODEL_ONLY_GRASSROOTS = "Đại hội điểm chỉ có ở cấp cơ sở."
HELD_NEEDS_DATE = "Đại hội đã tổ chức phải có ngày tổ chức."
NOT_REQUIRED_NEEDS_REASON = "Ghi lý do đơn vị không phải tổ chức đại hội."


class Term(models.Model):
    start_year = models.PositiveSmallIntegerField("năm bắt đầu")
    end_year = models.PositiveSmallIntegerField("năm kết thúc")
    is_current = models.BooleanField("nhiệm kỳ hiện tại", default=False)
    grassroots_deadline = models.DateField(
        "hạn đại hội công đoàn cơ sở",
        null=True,
        blank=True,
        help_text="Theo kế hoạch của LĐLĐ tỉnh; đại hội chưa tổ chức sau ngày này là quá hạn.",
    )

    class Meta:
        verbose_name = "nhiệm kỳ"
        verbose_name_plural = "nhiệm kỳ"
        ordering = ["-start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["start_year", "end_year"],
                name="congresses_term_unique_years",
                violation_error_message="Nhiệm kỳ này đã có.",
            ),
            models.CheckConstraint(
                condition=Q(end_year__gt=F("start_year")),
                name="congresses_term_end_after_start",
                violation_error_message="Năm kết thúc phải sau năm bắt đầu.",
            ),
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="congresses_term_one_current",
                violation_error_message="Chỉ một nhiệm kỳ được đánh dấu là hiện tại.",
            ),
        ]

    def __str__(self):
        return f"{self.start_year}–{self.end_year}"

    @property
    def window(self) -> tuple[datetime.date, datetime.date]:
        """Dates a congress of this term may carry: model congresses run in the year before."""
        return datetime.date(self.start_year - 1, 1, 1), datetime.date(self.end_year, 12, 31)


class OrganisationQuerySet(models.QuerySet):
    def federations(self):
        return self.filter(level=Organisation.Level.FEDERATION)

    def grassroots(self):
        return self.filter(level=Organisation.Level.GRASSROOTS)

    def active_in(self, term: Term):
        """Organisations that existed at some point during ``term``."""
        start, end = datetime.date(term.start_year, 1, 1), datetime.date(term.end_year, 12, 31)
        return self.filter(
            Q(established_on__isnull=True) | Q(established_on__lte=end),
            Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=start),
        )

    def subtree_of(self, organisation_id: int):
        """The organisation and the unions directly under it (the tree is three levels deep)."""
        return self.filter(in_subtree(organisation_id))


def in_subtree(organisation_id: int, *, via: str = "") -> Q:
    """Filter for an organisation and the unions directly under it: a grassroots union belongs
    to the federation that is its parent. ``via`` reaches the organisation through a relation
    (``via="organisation__"`` for congresses)."""
    return Q(**{f"{via}pk": organisation_id}) | Q(**{f"{via}parent_id": organisation_id})


class Organisation(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", "LĐLĐ tỉnh"
        FEDERATION = "federation", "Công đoàn cấp trên trực tiếp cơ sở"
        GRASSROOTS = "grassroots", "Công đoàn cơ sở"

    class FederationKind(models.TextChoices):
        DISTRICT = "district", "LĐLĐ huyện"
        TOWN = "town", "LĐLĐ thị xã"
        CITY = "city", "LĐLĐ thành phố"
        SECTOR = "sector", "Công đoàn ngành"
        INDUSTRIAL_ZONE = "industrial_zone", "Công đoàn khu kinh tế, khu công nghiệp"

    class GrassrootsType(models.TextChoices):
        SCHOOL = "school", "Trường học"
        COMMUNE = "commune", "Xã, thị trấn"
        ENTERPRISE = "enterprise", "Doanh nghiệp"
        STATE_AGENCY = "state_agency", "Cơ quan nhà nước"
        OTHER = "other", "Khác"

    name = models.CharField("tên", max_length=255)
    code = models.CharField(
        "mã",
        max_length=32,
        blank=True,
        help_text="Mã dùng khi nhập bảng tính, ví dụ THOXUAN. Không bắt buộc với CĐCS.",
    )
    slug = models.SlugField("đường dẫn", max_length=255, unique=True, blank=True)
    level = models.CharField("cấp", max_length=16, choices=Level.choices)
    federation_kind = models.CharField(
        "loại công đoàn cấp trên", max_length=20, choices=FederationKind.choices, blank=True
    )
    grassroots_type = models.CharField(
        "loại hình CĐCS", max_length=20, choices=GrassrootsType.choices, blank=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="công đoàn cấp trên",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    member_count = models.PositiveIntegerField("số đoàn viên", null=True, blank=True)
    established_on = models.DateField("ngày thành lập", null=True, blank=True)
    dissolved_on = models.DateField("ngày giải thể", null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name="sáp nhập vào",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
    )
    sort_key = models.CharField(max_length=500, editable=False, db_index=True, default="")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "tổ chức công đoàn"
        verbose_name_plural = "tổ chức công đoàn"
        ordering = ["sort_key", "pk"]
        permissions = [
            ("view_all_federations", "Xem và sửa dữ liệu đại hội của mọi LĐLĐ huyện (cấp tỉnh)")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=~Q(code=""),
                name="congresses_organisation_unique_code",
                violation_error_message="Mã này đã được dùng cho đơn vị khác.",
            ),
            models.UniqueConstraint(
                fields=["parent", "name"],
                name="congresses_organisation_unique_name_in_parent",
                violation_error_message="Công đoàn cấp trên này đã có một đơn vị cùng tên.",
            ),
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(established_on__isnull=True)
                | Q(dissolved_on__gte=F("established_on")),
                name="congresses_organisation_dissolved_after_established",
                violation_error_message=DISSOLVED_BEFORE_ESTABLISHED,
            ),
            models.CheckConstraint(
                condition=Q(level="province", parent__isnull=True)
                | (~Q(level="province") & Q(parent__isnull=False)),
                name="congresses_organisation_parent_by_level",
                violation_error_message=(
                    "LĐLĐ tỉnh không có cấp trên; mọi đơn vị khác phải có công đoàn cấp trên."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_key = vietnamese_sort_string(self.name)
        if not self.slug:
            # The section's own pages (dai-hoi-diem, mau-nhap-lieu) keep their addresses.
            self.slug = unique_slug(
                Organisation,
                self.name,
                exclude_pk=self.pk,
                fallback="don-vi",
                max_length=200,
                reserved=RESERVED_SLUGS,
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        federation = self.federation
        if federation is None:
            return reverse("congresses:progress")
        return reverse("congresses:federation", kwargs={"slug": federation.slug})

    @property
    def federation(self) -> "Organisation | None":
        """The federation this record belongs to: a federation itself, a grassroots union its
        parent, the province none."""
        if self.level == self.Level.FEDERATION:
            return self
        if self.level == self.Level.GRASSROOTS and self.parent_id:
            return self.parent
        return None

    def clean(self):
        errors = {}
        parent = self.parent
        if self.level == self.Level.PROVINCE and parent is not None:
            errors["parent"] = "LĐLĐ tỉnh không có công đoàn cấp trên."
        if self.level == self.Level.FEDERATION:
            if parent is not None and parent.level != self.Level.PROVINCE:
                errors["parent"] = "Công đoàn cấp trên trực tiếp cơ sở phải thuộc LĐLĐ tỉnh."
            if not self.federation_kind:
                errors["federation_kind"] = "Chọn loại: LĐLĐ huyện, thị xã, thành phố, ngành…"
        if self.level == self.Level.GRASSROOTS:
            if parent is not None and parent.level != self.Level.FEDERATION:
                errors["parent"] = "Công đoàn cơ sở phải thuộc một công đoàn cấp trên trực tiếp."
            if not self.grassroots_type:
                errors["grassroots_type"] = "Chọn loại hình công đoàn cơ sở."
        if self.level != self.Level.PROVINCE and parent is None and self.level:
            errors.setdefault("parent", "Chọn công đoàn cấp trên.")
        if self.established_on and self.dissolved_on and self.dissolved_on < self.established_on:
            errors["dissolved_on"] = DISSOLVED_BEFORE_ESTABLISHED
        if self.merged_into_id and self.merged_into_id == self.pk:
            errors["merged_into"] = "Một đơn vị không thể sáp nhập vào chính nó."
        if errors:
            raise ValidationError(errors)


class GuidingDocument(models.Model):
    number = models.CharField("số hiệu", max_length=64, help_text="Ví dụ: 61/KH-LĐLĐ")
    issued_on = models.DateField("ngày ban hành")
    issuer = models.CharField("cơ quan ban hành", max_length=255)
    title = models.CharField("trích yếu", max_length=500, blank=True)
    terms = models.ManyToManyField(
        Term, verbose_name="nhiệm kỳ", blank=True, related_name="guiding_documents"
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản trong thư viện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guiding_references",
        help_text="Văn bản này trong mục Văn bản: trang đại hội sẽ dẫn tới đó.",
    )

    class Meta:
        verbose_name = "văn bản chỉ đạo"
        verbose_name_plural = "văn bản chỉ đạo"
        ordering = ["issued_on", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "issued_on"],
                name="congresses_document_unique_number",
                violation_error_message="Văn bản này đã có.",
            )
        ]

    def __str__(self):
        return f"{self.number} ngày {self.issued_on:%d/%m/%Y}"


class CongressQuerySet(models.QuerySet):
    def for_term(self, term: Term):
        return self.filter(term=term)

    def model_congresses(self):
        return self.filter(kind=Congress.Kind.MODEL)


class Congress(models.Model):
    class Kind(models.TextChoices):
        MODEL = "model", "Đại hội điểm"
        REGULAR = "regular", "Đại hội đại trà"

    class Level(models.TextChoices):
        GRASSROOTS = "grassroots", "Cơ sở"
        DISTRICT = "district", "Cấp huyện"
        PROVINCE = "province", "Cấp tỉnh"

    class Form(models.TextChoices):
        ALL_MEMBERS = "all_members", "Toàn thể đoàn viên"
        DELEGATES = "delegates", "Đại biểu"

    class MeetingType(models.TextChoices):
        CONGRESS = "congress", "Đại hội"
        CONFERENCE = "conference", "Hội nghị"

    class Status(models.TextChoices):
        PLANNED = "planned", "Chưa tổ chức"
        HELD = "held", "Đã tổ chức"
        POSTPONED = "postponed", "Hoãn"
        NOT_REQUIRED = "not_required", "Không phải tổ chức"

    class NotRequiredReason(models.TextChoices):
        INTERIM_COMMITTEE = "interim_committee", "Đang có BCH lâm thời"
        DISSOLVED = "dissolved", "Giải thể"
        RELOCATED = "relocated", "Chuyển đi nơi khác"
        MERGED = "merged", "Sáp nhập"
        OTHER = "other", "Lý do khác"

    class Assessment(models.TextChoices):
        EXCELLENT = "excellent", "Hoàn thành xuất sắc"
        GOOD = "good", "Hoàn thành tốt"
        DONE = "done", "Hoàn thành"
        NOT_DONE = "not_done", "Không hoàn thành"

    PENDING_STATUSES = (Status.PLANNED, Status.POSTPONED)
    LEVEL_FOR_ORGANISATION = {
        Organisation.Level.GRASSROOTS: Level.GRASSROOTS,
        Organisation.Level.FEDERATION: Level.DISTRICT,
        Organisation.Level.PROVINCE: Level.PROVINCE,
    }

    organisation = models.ForeignKey(
        Organisation,
        verbose_name="đơn vị",
        on_delete=models.PROTECT,
        related_name="congresses",
    )
    term = models.ForeignKey(
        Term, verbose_name="nhiệm kỳ", on_delete=models.PROTECT, related_name="congresses"
    )
    level = models.CharField(
        "cấp đại hội", max_length=16, choices=Level.choices, default=Level.GRASSROOTS
    )
    kind = models.CharField("loại", max_length=16, choices=Kind.choices, default=Kind.REGULAR)
    ordinal = models.CharField(
        "lần thứ", max_length=16, blank=True, help_text="Số La Mã nếu biết, ví dụ X, XX."
    )
    form = models.CharField(
        "hình thức", max_length=16, choices=Form.choices, default=Form.ALL_MEMBERS
    )
    meeting_type = models.CharField(
        "đại hội / hội nghị",
        max_length=16,
        choices=MeetingType.choices,
        default=MeetingType.CONGRESS,
    )
    deadline = models.DateField(
        "hạn tổ chức", null=True, blank=True, help_text="Để trống: dùng hạn của nhiệm kỳ."
    )
    planned_on = models.DateField("ngày dự kiến", null=True, blank=True)
    held_on = models.DateField("ngày tổ chức", null=True, blank=True)
    status = models.CharField(
        "tình trạng", max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    not_required_reason = models.CharField(
        "lý do không phải tổ chức", max_length=24, choices=NotRequiredReason.choices, blank=True
    )
    delegates_summoned = models.PositiveIntegerField("số đại biểu triệu tập", null=True, blank=True)
    delegates_attending = models.PositiveIntegerField("số đại biểu có mặt", null=True, blank=True)
    executive_seats = models.PositiveSmallIntegerField("số ủy viên BCH", null=True, blank=True)
    chair_name = models.CharField("chủ tịch được bầu", max_length=255, blank=True)
    inspection_committee_elected = models.BooleanField("bầu ủy ban kiểm tra", null=True, blank=True)
    higher_delegates_elected = models.PositiveSmallIntegerField(
        "số đại biểu dự đại hội cấp trên", null=True, blank=True
    )
    assessment = models.CharField("đánh giá", max_length=16, choices=Assessment.choices, blank=True)
    motto = models.CharField("phương châm", max_length=255, blank=True)
    notes = models.TextField("ghi chú", blank=True)
    guiding_documents = models.ManyToManyField(
        GuidingDocument, verbose_name="văn bản chỉ đạo", blank=True, related_name="congresses"
    )
    article = models.ForeignKey(
        "news.Article",
        verbose_name="bài viết đưa tin",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="congresses",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CongressQuerySet.as_manager()

    class Meta:
        verbose_name = "đại hội"
        verbose_name_plural = "đại hội"
        ordering = ["organisation__sort_key", "-term__start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "term"],
                name="congresses_congress_one_per_term",
                violation_error_message="Đơn vị này đã có đại hội trong nhiệm kỳ này.",
            ),
            models.CheckConstraint(
                condition=Q(delegates_attending__isnull=True)
                | Q(delegates_summoned__isnull=True)
                | Q(delegates_attending__lte=F("delegates_summoned")),
                name="congresses_congress_attending_le_summoned",
                violation_error_message="Số đại biểu có mặt không thể lớn hơn số triệu tập.",
            ),
            models.CheckConstraint(
                condition=~Q(status="held") | Q(held_on__isnull=False),
                name="congresses_congress_held_has_date",
                violation_error_message=HELD_NEEDS_DATE,
            ),
            models.CheckConstraint(
                condition=Q(kind="regular") | Q(level="grassroots"),
                name="congresses_congress_model_only_grassroots",
                violation_error_message=MODEL_ONLY_GRASSROOTS,
            ),
            models.CheckConstraint(
                condition=~Q(status="not_required") | ~Q(not_required_reason=""),
                name="congresses_congress_not_required_has_reason",
                violation_error_message=NOT_REQUIRED_NEEDS_REASON,
            ),
        ]
        indexes = [models.Index(fields=["term", "status"])]

    def __str__(self):
        return f"{self.title} (nhiệm kỳ {self.term})"

    def get_absolute_url(self):
        # Grassroots congresses live under their federation's page; others under their own.
        organisation = self.organisation
        home = organisation.federation if self.level == self.Level.GRASSROOTS else None
        return reverse(
            "congresses:congress", kwargs={"slug": (home or organisation).slug, "pk": self.pk}
        )

    @property
    def title(self) -> str:
        meeting = self.get_meeting_type_display()
        ordinal = f" {self.ordinal}" if self.ordinal else ""
        return f"{meeting}{ordinal} {self.organisation.name}"

    @property
    def kind_label(self) -> str:
        """What kind of congress this is, in the words staff and readers use: "điểm" and
        "đại trà" are grassroots words; a district or province congress is named by its level."""
        if self.level == self.Level.GRASSROOTS:
            return self.get_kind_display()
        if self.level == self.Level.PROVINCE:
            return "Đại hội Công đoàn tỉnh"
        return FEDERATION_CONGRESS_LABELS.get(
            self.organisation.federation_kind, "Đại hội Công đoàn cấp huyện"
        )

    @property
    def effective_deadline(self) -> datetime.date | None:
        """The date the congress is due by; none for a unit that need not hold one."""
        if self.status == self.Status.NOT_REQUIRED:
            return None
        if self.deadline:
            return self.deadline
        if self.level == self.Level.GRASSROOTS:
            return self.term.grassroots_deadline
        return None

    def clean(self):
        errors: dict[str, str] = {}
        organisation = self.organisation if self.organisation_id else None
        term = self.term if self.term_id else None
        if organisation is not None:
            expected = self.LEVEL_FOR_ORGANISATION.get(organisation.level)
            if expected and self.level != expected:
                errors["level"] = (
                    f"Đơn vị “{organisation.name}” là {organisation.get_level_display()}: "
                    f"cấp đại hội phải là “{self.Level(expected).label}”."
                )
        if self.kind == self.Kind.MODEL and self.level != self.Level.GRASSROOTS:
            errors["kind"] = MODEL_ONLY_GRASSROOTS
        if self.status == self.Status.HELD and not self.held_on:
            errors["held_on"] = HELD_NEEDS_DATE
        if self.held_on and self.status != self.Status.HELD:
            errors["status"] = "Đã có ngày tổ chức: chọn tình trạng “Đã tổ chức”."
        if self.status == self.Status.NOT_REQUIRED and not self.not_required_reason:
            errors["not_required_reason"] = NOT_REQUIRED_NEEDS_REASON
        if self.not_required_reason and self.status != self.Status.NOT_REQUIRED:
            errors["not_required_reason"] = "Chỉ ghi lý do khi tình trạng là “Không phải tổ chức”."
        if (
            self.delegates_attending is not None
            and self.delegates_summoned is not None
            and self.delegates_attending > self.delegates_summoned
        ):
            errors["delegates_attending"] = (
                f"Số đại biểu có mặt ({self.delegates_attending}) không thể lớn hơn số triệu "
                f"tập ({self.delegates_summoned})."
            )
        if term is not None:
            start, end = term.window
            for field in ("deadline", "planned_on", "held_on"):
                value = getattr(self, field)
                if value and not (start <= value <= end):
                    label = self._meta.get_field(field).verbose_name
                    errors.setdefault(
                        field,
                        f"{label.capitalize()} {value:%d/%m/%Y} nằm ngoài khoảng thời gian của "
                        f"nhiệm kỳ {term} (từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}).",
                    )
        if self.held_on and self.held_on > timezone.localdate():
            errors.setdefault("held_on", "Ngày tổ chức không thể ở tương lai.")
        if errors:
            raise ValidationError(errors)


# A federation's own congress, by the kind of federation (the district level of the tree).
FEDERATION_CONGRESS_LABELS = {
    Organisation.FederationKind.DISTRICT: "Đại hội Công đoàn huyện",
    Organisation.FederationKind.TOWN: "Đại hội Công đoàn thị xã",
    Organisation.FederationKind.CITY: "Đại hội Công đoàn thành phố",
    Organisation.FederationKind.SECTOR: "Đại hội Công đoàn ngành",
    Organisation.FederationKind.INDUSTRIAL_ZONE: "Đại hội Công đoàn khu kinh tế, khu công nghiệp",
}


def congress_photo_path(instance, filename):
    return f"congresses/{instance.congress_id or 'new'}/{filename}"


class CongressPhoto(models.Model):
    congress = models.ForeignKey(
        Congress, verbose_name="đại hội", on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(
        "ảnh", upload_to=congress_photo_path, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    caption = models.CharField("chú thích", max_length=255, blank=True)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "ảnh đại hội"
        verbose_name_plural = "ảnh đại hội"
        ordering = ["position", "pk"]

    def __str__(self):
        return self.caption or f"Ảnh {self.pk}"


class StaffAssignment(models.Model):
    """Links a district officer's account to the federation whose records they may edit."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="congress_assignment",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="công đoàn cấp trên phụ trách",
        on_delete=models.CASCADE,
        related_name="staff_assignments",
        limit_choices_to={"level": Organisation.Level.FEDERATION},
    )

    class Meta:
        verbose_name = "phân công cán bộ"
        verbose_name_plural = "phân công cán bộ"

    def __str__(self):
        return f"{self.user} — {self.organisation}"
