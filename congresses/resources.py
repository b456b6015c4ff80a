"""Spreadsheet columns for a federation's union list and congress results (django-import-export).

One row is one union and its congress in a term — the sheet district offices already keep.
Columns are Vietnamese, choice columns accept the label shown in the admin ("Đã tổ chức") or
the stored value ("held"), dates accept real spreadsheet dates, dd/mm/yyyy or yyyy-mm-dd.
A row naming a union that does not exist yet creates it under the row's federation.

The resource is built with the importing/exporting account (``user``) and optionally a fixed
federation: a district officer's rows for any other federation are row errors, never saved.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db.models import Q
from import_export import fields, resources, widgets

from unionsite.text import fold_vietnamese

from .models import Congress, Organisation, Term
from .permissions import assigned_federation_id, congress_scope, sees_all_federations

FEDERATION_COLUMN = "Mã LĐLĐ cấp trên"
NAME_COLUMN = "Tên đơn vị"
TERM_COLUMN = "Nhiệm kỳ"
REQUIRED_COLUMNS = (NAME_COLUMN, TERM_COLUMN)


class ChoiceLabelWidget(widgets.Widget):
    """A choice column written with its Vietnamese label; blank means the default."""

    def __init__(self, choices, *, default=""):
        super().__init__()
        self.choices = list(choices)
        self.default = default
        self.lookup = {}
        for value, label in self.choices:
            self.lookup[fold_vietnamese(label)] = value
            self.lookup[fold_vietnamese(value)] = value

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return self.default
        found = self.lookup.get(fold_vietnamese(str(value)))
        if found is None:
            allowed = ", ".join(f"“{label}”" for _, label in self.choices)
            raise ValueError(f"“{value}” không hợp lệ; chọn một trong: {allowed}.")
        return found

    def render(self, value, obj=None, **kwargs):
        return dict(self.choices).get(value, "")


class CountWidget(widgets.Widget):
    """A whole number ≥ 0, or blank."""

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, bool):
            raise ValueError(f"“{value}” không phải là số.")
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(f"“{value}” phải là số nguyên.")
            value = int(value)
        text = (
            str(value).strip().replace(".", "").replace(",", "")
            if isinstance(value, str)
            else value
        )
        try:
            number = int(text)
        except (TypeError, ValueError):
            raise ValueError(f"“{value}” không phải là số nguyên.") from None
        if number < 0:
            raise ValueError(f"“{value}” không được âm.")
        return number

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else str(value)


class VietnameseDateWidget(widgets.Widget):
    FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d/%m/%y")

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        for pattern in self.FORMATS:
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(f"“{value}” không phải là ngày (viết theo dạng ngày/tháng/năm).")

    def render(self, value, obj=None, **kwargs):
        if not value:
            return None if kwargs.get("force_native_type") else ""
        return value if kwargs.get("force_native_type") else value.strftime("%d/%m/%Y")


class YesNoWidget(widgets.Widget):
    YES = {"co", "x", "1", "true", "yes"}
    NO = {"khong", "0", "false", "no"}

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return None
        if isinstance(value, bool):
            return value
        folded = fold_vietnamese(str(value))
        if folded in self.YES:
            return True
        if folded in self.NO:
            return False
        raise ValueError(f"“{value}” không hợp lệ; ghi “Có” hoặc “Không”.")

    def render(self, value, obj=None, **kwargs):
        return {True: "Có", False: "Không"}.get(value, "")


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()

    def render(self, value, obj=None, **kwargs):
        return value or ""


def _column(attribute, column_name, widget, **kwargs):
    return fields.Field(attribute=attribute, column_name=column_name, widget=widget, **kwargs)


def parse_term(value) -> Term | None:
    match = re.fullmatch(r"\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*", str(value or ""))
    if not match:
        return None
    return Term.objects.filter(start_year=match[1], end_year=match[2]).first()


class CongressResource(resources.ModelResource):
    federation_code = fields.Field(column_name=FEDERATION_COLUMN, readonly=True)
    organisation_name = fields.Field(column_name=NAME_COLUMN, readonly=True)
    grassroots_type = fields.Field(column_name="Loại hình", readonly=True)
    member_count = fields.Field(column_name="Số đoàn viên", readonly=True)
    term_label = fields.Field(column_name=TERM_COLUMN, readonly=True)
    kind = _column(
        "kind",
        "Loại đại hội",
        ChoiceLabelWidget(Congress.Kind.choices, default=Congress.Kind.REGULAR),
    )
    ordinal = _column("ordinal", "Lần thứ", TextWidget())
    form = _column(
        "form",
        "Hình thức",
        ChoiceLabelWidget(Congress.Form.choices, default=Congress.Form.ALL_MEMBERS),
    )
    meeting_type = _column(
        "meeting_type",
        "Đại hội/Hội nghị",
        ChoiceLabelWidget(Congress.MeetingType.choices, default=Congress.MeetingType.CONGRESS),
    )
    status = _column(
        "status",
        "Tình trạng",
        ChoiceLabelWidget(Congress.Status.choices, default=Congress.Status.PLANNED),
    )
    not_required_reason = _column(
        "not_required_reason",
        "Lý do không phải tổ chức",
        ChoiceLabelWidget(Congress.NotRequiredReason.choices),
    )
    deadline = _column("deadline", "Hạn tổ chức", VietnameseDateWidget())
    planned_on = _column("planned_on", "Ngày dự kiến", VietnameseDateWidget())
    held_on = _column("held_on", "Ngày tổ chức", VietnameseDateWidget())
    delegates_summoned = _column("delegates_summoned", "Số đại biểu triệu tập", CountWidget())
    delegates_attending = _column("delegates_attending", "Số đại biểu có mặt", CountWidget())
    executive_seats = _column("executive_seats", "Số ủy viên BCH", CountWidget())
    chair_name = _column("chair_name", "Chủ tịch được bầu", TextWidget())
    inspection_committee_elected = _column(
        "inspection_committee_elected", "Bầu UBKT", YesNoWidget()
    )
    higher_delegates_elected = _column(
        "higher_delegates_elected", "Số đại biểu dự đại hội cấp trên", CountWidget()
    )
    assessment = _column("assessment", "Đánh giá", ChoiceLabelWidget(Congress.Assessment.choices))
    motto = _column("motto", "Phương châm", TextWidget())
    notes = _column("notes", "Ghi chú", TextWidget())

    type_widget = ChoiceLabelWidget(
        Organisation.GrassrootsType.choices, default=Organisation.GrassrootsType.OTHER
    )
    count_widget = CountWidget()

    class Meta:
        model = Congress
        fields = (
            "federation_code",
            "organisation_name",
            "grassroots_type",
            "member_count",
            "term_label",
            "kind",
            "ordinal",
            "form",
            "meeting_type",
            "status",
            "not_required_reason",
            "deadline",
            "planned_on",
            "held_on",
            "delegates_summoned",
            "delegates_attending",
            "executive_seats",
            "chair_name",
            "inspection_committee_elected",
            "higher_delegates_elected",
            "assessment",
            "motto",
            "notes",
        )
        import_id_fields = ()
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def __init__(self, *, user=None, federation: Organisation | None = None, **kwargs):
        """``user`` None means a trusted caller (the management command run by an operator)."""
        super().__init__(**kwargs)
        self.user = user
        self.federation = federation
        self._seen: dict[tuple[int, int], int] = {}
        self._row: dict = {}
        # Lookups every row repeats (its federation, term, the federation's unions), made once
        # per file.
        self._loaded: dict[tuple, object] = {}

    # --- export ------------------------------------------------------------------------------
    def filter_export(self, queryset, **kwargs):
        queryset = queryset.select_related("organisation__parent", "term")
        if self.federation is not None:
            queryset = queryset.filter(
                Q(organisation=self.federation) | Q(organisation__parent=self.federation)
            )
        scope = None if self.user is None else congress_scope(self.user)
        return queryset if scope is None else queryset.filter(scope)

    def _federation_of(self, congress: Congress) -> Organisation:
        organisation = congress.organisation
        if organisation.level == Organisation.Level.GRASSROOTS:
            return organisation.parent
        return organisation

    def dehydrate_federation_code(self, congress):
        return self._federation_of(congress).code

    def dehydrate_organisation_name(self, congress):
        return congress.organisation.name

    def dehydrate_grassroots_type(self, congress):
        return self.type_widget.render(congress.organisation.grassroots_type)

    def dehydrate_member_count(self, congress):
        return congress.organisation.member_count

    def dehydrate_term_label(self, congress):
        return f"{congress.term.start_year}-{congress.term.end_year}"

    # --- import ------------------------------------------------------------------------------
    def before_import(self, dataset, **kwargs):
        headers = [str(h).strip() if h is not None else "" for h in (dataset.headers or [])]
        dataset.headers = headers
        missing = [column for column in REQUIRED_COLUMNS if column not in headers]
        if (
            FEDERATION_COLUMN not in headers
            and self.federation is None
            and (self.user is None or sees_all_federations(self.user))
        ):
            missing.insert(0, FEDERATION_COLUMN)
        if missing:
            # No row can be read without these columns: report the file, not every row.
            for index in reversed(range(len(dataset))):
                del dataset[index]
            raise ValueError(
                "Tệp thiếu cột: "
                + ", ".join(f"“{column}”" for column in missing)
                + ". Hãy dùng tệp mẫu."
            )
        # Spreadsheets often end with empty lines: they are not rows to import. Empty cells
        # become "" so error listings do not show "None".
        rows = [
            tuple("" if value is None else value for value in row)
            for row in dataset
            if any(value is not None and str(value).strip() != "" for value in row)
        ]
        dataset.wipe()
        dataset.headers = headers
        for row in rows:
            dataset.append(row)

    def _resolve_federation(self, row) -> Organisation:
        code = str(row.get(FEDERATION_COLUMN) or "").strip()
        if not code:
            if self.federation is not None:
                return self.federation
            if self.user is not None and not sees_all_federations(self.user):
                federation = self._load_once(
                    ("assigned",),
                    lambda: Organisation.objects.filter(
                        pk=assigned_federation_id(self.user)
                    ).first(),
                )
                if federation is not None:
                    return federation
            raise ValidationError({"organisation": f"Thiếu “{FEDERATION_COLUMN}”."})
        federation = self._load_once(
            ("federation", code),
            lambda: (
                Organisation.objects.exclude(level=Organisation.Level.GRASSROOTS)
                .filter(code__iexact=code)
                .first()
            ),
        )
        if federation is None:
            raise ValidationError(
                {"organisation": f"Không có công đoàn cấp trên nào mang mã “{code}”."}
            )
        if self.federation is not None and federation.pk != self.federation.pk:
            raise ValidationError(
                {
                    "organisation": f"Dòng này thuộc “{federation.name}”, không thuộc "
                    f"“{self.federation.name}” đang nhập."
                }
            )
        if (
            self.user is not None
            and not sees_all_federations(self.user)
            and federation.pk != assigned_federation_id(self.user)
        ):
            raise ValidationError(
                {
                    "organisation": f"Bạn không được nhập dữ liệu của “{federation.name}”: "
                    "tài khoản chỉ quản lý công đoàn thuộc đơn vị mình."
                }
            )
        return federation

    def before_import_row(self, row, **kwargs):
        federation = self._resolve_federation(row)
        name = " ".join(str(row.get(NAME_COLUMN) or "").split())
        if not name:
            raise ValidationError({"organisation": f"Thiếu “{NAME_COLUMN}”."})
        term_text = str(row.get(TERM_COLUMN) or "")
        term = self._load_once(("term", term_text), lambda: parse_term(term_text))
        if term is None:
            raise ValidationError(
                {"term": f"Nhiệm kỳ “{row.get(TERM_COLUMN) or ''}” không có (viết như 2023-2028)."}
            )
        errors = {}
        try:
            grassroots_type = self.type_widget.clean(row.get("Loại hình"))
        except ValueError as exc:
            errors["organisation"] = f"Loại hình: {exc}"
        try:
            member_count = self.count_widget.clean(row.get("Số đoàn viên"))
        except ValueError as exc:
            errors["organisation"] = f"Số đoàn viên: {exc}"
        if errors:
            raise ValidationError(errors)

        if fold_vietnamese(name) == fold_vietnamese(federation.name):
            organisation, changed = federation, False
        else:
            organisation = self._children_of(federation).get(name.lower())
            changed = False
            if organisation is None:
                organisation = Organisation(
                    name=name,
                    level=Organisation.Level.GRASSROOTS,
                    parent=federation,
                    grassroots_type=grassroots_type,
                    member_count=member_count,
                )
                changed = True
                self._children_of(federation)[name.lower()] = organisation
            else:
                if "Loại hình" in row and row.get("Loại hình") not in (None, ""):
                    changed |= organisation.grassroots_type != grassroots_type
                    organisation.grassroots_type = grassroots_type
                if "Số đoàn viên" in row:
                    changed |= organisation.member_count != member_count
                    organisation.member_count = member_count
            if changed:
                try:
                    organisation.full_clean()
                except ValidationError as exc:
                    raise ValidationError({"organisation": "; ".join(exc.messages)}) from None
                organisation.save()
        key = (organisation.pk, term.pk)
        number = kwargs.get("row_number")
        if key in self._seen:
            raise ValidationError(
                {
                    "organisation": f"“{organisation.name}” nhiệm kỳ {term} đã có ở dòng "
                    f"{self._seen[key] + 1} của tệp; mỗi đơn vị chỉ một dòng."
                }
            )
        self._seen[key] = number
        self._row = {"organisation": organisation, "term": term, "changed": changed}

    def _load_once(self, key: tuple, load):
        if key not in self._loaded:
            self._loaded[key] = load()
        return self._loaded[key]

    def _children_of(self, federation: Organisation) -> dict[str, Organisation]:
        """The federation's unions by lower-cased name, loaded once per file (SQLite's
        case-insensitive lookups only fold ASCII, so the match is done here)."""
        return self._load_once(
            ("children", federation.pk),
            lambda: {child.name.lower(): child for child in federation.children.all()},
        )

    def get_instance(self, instance_loader, row):
        return (
            Congress.objects.filter(organisation=self._row["organisation"], term=self._row["term"])
            .select_related("organisation", "term")
            .first()
        )

    def init_instance(self, row=None):
        organisation = self._row["organisation"]
        return Congress(
            organisation=organisation,
            term=self._row["term"],
            level=Congress.LEVEL_FOR_ORGANISATION[organisation.level],
        )

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if self._row.get("changed"):
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def after_import_row(self, row, row_result, **kwargs):
        progress = kwargs.get("progress")
        if progress is not None:
            progress(kwargs.get("row_number", 0))

    @classmethod
    def get_display_name(cls):
        return "Đại hội công đoàn cơ sở (mỗi dòng một đơn vị)"
