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
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Q
from import_export import fields as columns
from import_export import resources, widgets
from openpyxl.utils.datetime import from_excel

from unionsite.text import fold_vietnamese

from .models import Congress, Organisation, Term, in_subtree
from .names import match_key, similar, stored_name
from .permissions import assigned_federation_id, congress_scope, sees_all_federations

FEDERATION_COLUMN = "Mã LĐLĐ cấp trên"
NAME_COLUMN = "Tên đơn vị"
UNION_CODE_COLUMN = "Mã đơn vị"
TYPE_COLUMN = "Loại hình"
MEMBERS_COLUMN = "Số đoàn viên"
TERM_COLUMN = "Nhiệm kỳ"
REQUIRED_COLUMNS = (NAME_COLUMN, TERM_COLUMN)
# Relations this resource sets from its own lookups (validating them would query each row).
TRUSTED_RELATIONS = ("organisation", "term", "article", "guiding_documents")
# What makes a spreadsheet read a cell as a formula (OWASP's CSV-injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """Text a spreadsheet would run as a formula, with an apostrophe in front (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass
class RowReport:
    """What the import does with one spreadsheet row, for the preview."""

    number: int
    name: str = ""
    federation: str = ""
    new_union: bool = False
    similar: list[str] = field(default_factory=list)
    held: bool = False


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
        if isinstance(value, int | float) and not isinstance(value, bool):
            # A date Excel shows as a number (its serial day count) in a cell formatted as
            # text or number: 44883 is 18/11/2022.
            if not 1 <= value < 2958466:
                raise ValueError(f"“{value}” không phải là ngày (viết theo dạng ngày/tháng/năm).")
            return from_excel(value).date()
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
    return columns.Field(attribute=attribute, column_name=column_name, widget=widget, **kwargs)


def parse_term(value) -> Term | None:
    match = re.fullmatch(r"\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*", str(value or ""))
    if not match:
        return None
    return Term.objects.filter(start_year=match[1], end_year=match[2]).first()


class CongressResource(resources.ModelResource):
    federation_code = columns.Field(column_name=FEDERATION_COLUMN, readonly=True)
    organisation_name = columns.Field(column_name=NAME_COLUMN, readonly=True)
    organisation_code = columns.Field(column_name=UNION_CODE_COLUMN, readonly=True)
    grassroots_type = columns.Field(column_name=TYPE_COLUMN, readonly=True)
    member_count = columns.Field(column_name=MEMBERS_COLUMN, readonly=True)
    term_label = columns.Field(column_name=TERM_COLUMN, readonly=True)
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
            "organisation_code",
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
        # The preview is our own table (services.RowOutcome), not import-export's HTML diff.
        skip_html_diff = True

    def __init__(
        self,
        *,
        user=None,
        federation: Organisation | None = None,
        numbers: list[int] | None = None,
        accept_similar: frozenset[int] = frozenset(),
        **kwargs,
    ):
        """``user`` None means a trusted caller (the management command run by an operator).
        ``numbers``: the spreadsheet row of each dataset row (``workbooks.Sheet.numbers``).
        ``accept_similar``: spreadsheet rows whose new union, close to an existing name, the
        officer has ticked to create anyway."""
        super().__init__(**kwargs)
        self.user = user
        self.federation = federation
        self.numbers = numbers or []
        self.accept_similar = accept_similar
        self.reports: dict[int, RowReport] = {}
        self._seen: dict[tuple, int] = {}
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

    def export_resource(self, instance, selected_fields=None, **kwargs):
        return [
            formula_safe(value)
            for value in super().export_resource(instance, selected_fields, **kwargs)
        ]

    def _federation_of(self, congress: Congress) -> Organisation:
        organisation = congress.organisation
        if organisation.level == Organisation.Level.GRASSROOTS:
            return organisation.parent
        return organisation

    def dehydrate_federation_code(self, congress):
        return self._federation_of(congress).code

    def dehydrate_organisation_name(self, congress):
        return congress.organisation.name

    def dehydrate_organisation_code(self, congress):
        organisation = congress.organisation
        return organisation.code if organisation.level == Organisation.Level.GRASSROOTS else ""

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

    def column_of(self, key: str) -> str:
        """The Vietnamese header of the column an error key is about ("" for the whole row)."""
        for name, column in self.fields.items():
            if key in (name, column.attribute):
                return column.column_name
        return {
            "federation": FEDERATION_COLUMN,
            "organisation": NAME_COLUMN,
            "term": TERM_COLUMN,
        }.get(key, "")

    def sheet_row(self, row_number: int) -> int:
        """The spreadsheet's own row number of the dataset's row ``row_number`` (1-based)."""
        if self.numbers and 0 < row_number <= len(self.numbers):
            return self.numbers[row_number - 1]
        return row_number + 1  # the header is row 1

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
            raise ValidationError({"federation": f"Thiếu “{FEDERATION_COLUMN}”."})
        federation = self._load_once(
            ("federation", code.lower()),
            lambda: (
                Organisation.objects.exclude(level=Organisation.Level.GRASSROOTS)
                .filter(code__iexact=code)
                .first()
            ),
        )
        if federation is None:
            raise ValidationError(
                {"federation": f"Không có công đoàn cấp trên nào mang mã “{code}”."}
            )
        if self.federation is not None and federation.pk != self.federation.pk:
            raise ValidationError(
                {
                    "federation": f"Dòng này thuộc “{federation.name}”, không thuộc "
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
                    "federation": f"Bạn không được nhập dữ liệu của “{federation.name}”: "
                    "tài khoản chỉ quản lý công đoàn thuộc đơn vị mình."
                }
            )
        return federation

    def _find_union(self, federation, name: str, key: str, code: str):
        """The existing union the row means, or None. A code wins over the name."""
        children = self._children_of(federation)
        if code:
            found = self._load_once(
                ("code", code.lower()),
                lambda: Organisation.objects.filter(code__iexact=code).first(),
            )
            if found is not None:
                if found.pk == federation.pk:
                    return federation
                if found.parent_id != federation.pk:
                    raise ValidationError(
                        {
                            "organisation_code": f"Mã đơn vị “{code}” là của “{found.name}”, không "
                            f"thuộc “{federation.name}”."
                        }
                    )
                return children["pk", found.pk]
        if key == match_key(federation.name):
            return federation
        union = children.get(key)
        if union is not None and code and union.code and union.code.lower() != code.lower():
            raise ValidationError(
                {
                    "organisation": f"“{name}” trùng tên với “{union.name}” (mã {union.code}), "
                    f"không phải mã “{code}”."
                }
            )
        return union

    def before_import_row(self, row, **kwargs):
        number = self.sheet_row(kwargs.get("row_number") or 0)
        report = self.reports.setdefault(number, RowReport(number=number))
        report.name = stored_name(row.get(NAME_COLUMN) or "")
        federation = self._resolve_federation(row)
        report.federation = federation.name
        name = report.name
        if not name:
            raise ValidationError({"organisation": f"Thiếu “{NAME_COLUMN}”."})
        if name.startswith(FORMULA_STARTS):
            raise ValidationError(
                {
                    "organisation": f"Tên đơn vị “{name[:40]}” bắt đầu bằng “{name[0].strip() or 'dấu cách'}”"
                    ": bảng tính sẽ coi là công thức. Hãy ghi tên đơn vị bằng chữ."
                }
            )
        term_text = str(row.get(TERM_COLUMN) or "")
        term = self._load_once(("term", term_text), lambda: parse_term(term_text))
        if term is None:
            raise ValidationError(
                {"term": f"Nhiệm kỳ “{row.get(TERM_COLUMN) or ''}” không có (viết như 2023-2028)."}
            )
        errors = {}
        try:
            grassroots_type = self.type_widget.clean(row.get(TYPE_COLUMN))
        except ValueError as exc:
            errors["grassroots_type"] = str(exc)
        try:
            member_count = self.count_widget.clean(row.get(MEMBERS_COLUMN))
        except ValueError as exc:
            errors["member_count"] = str(exc)
        if errors:
            raise ValidationError(errors)

        code = str(row.get(UNION_CODE_COLUMN) or "").strip()
        key = match_key(name)
        organisation = self._find_union(federation, name, key, code)
        changed = False
        held = False
        if organisation is None:
            organisation = Organisation(
                name=name,
                code=code,
                level=Organisation.Level.GRASSROOTS,
                parent=federation,
                grassroots_type=grassroots_type,
                member_count=member_count,
            )
            report.new_union = True
            report.similar = similar(key, self._existing_keys(federation))
            held = bool(report.similar) and number not in self.accept_similar
            changed = True
            self._children_of(federation)[key] = organisation
        elif organisation.level == Organisation.Level.GRASSROOTS:
            if row.get(TYPE_COLUMN) not in (None, ""):
                changed |= organisation.grassroots_type != grassroots_type
                organisation.grassroots_type = grassroots_type
            if MEMBERS_COLUMN in row:
                changed |= organisation.member_count != member_count
                organisation.member_count = member_count
            if code and not organisation.code:
                changed, organisation.code = True, code
        report.name = organisation.name if not report.new_union else name
        report.held = held
        if changed and not held:
            try:
                # As for congresses (validate_instance): the parent was just looked up, the
                # check constraints are rules of clean(), the name and code were matched.
                organisation.full_clean(
                    exclude=["parent", "merged_into", "slug"],
                    validate_unique=False,
                    validate_constraints=False,
                )
            except ValidationError as exc:
                raise ValidationError({"organisation": "; ".join(exc.messages)}) from None
            organisation.save()
        seen_key = (key if organisation.pk is None else organisation.pk, term.pk)
        if seen_key in self._seen:
            raise ValidationError(
                {
                    "organisation": f"“{organisation.name}” nhiệm kỳ {term} đã có ở dòng "
                    f"{self._seen[seen_key]} của tệp; mỗi đơn vị chỉ một dòng."
                }
            )
        self._seen[seen_key] = number
        self._row = {"organisation": organisation, "term": term, "changed": changed, "held": held}

    def _existing_keys(self, federation: Organisation) -> dict[str, str]:
        """Keys of the unions the federation had before this file (for near-duplicates)."""
        return self._load_once(
            ("existing", federation.pk),
            lambda: {match_key(c.name): c.name for c in federation.children.all()},
        )

    def _load_once(self, key: tuple, load):
        if key not in self._loaded:
            self._loaded[key] = load()
        return self._loaded[key]

    def _children_of(self, federation: Organisation) -> dict:
        """The federation's unions by match key (and by ``("pk", id)``), loaded once per file."""

        def load():
            children = {}
            for child in federation.children.all():
                children.setdefault(match_key(child.name), child)
                children["pk", child.pk] = child
            return children

        return self._load_once(("children", federation.pk), load)

    def get_instance(self, instance_loader, row):
        organisation = self._row["organisation"]
        if organisation.pk is None:
            return None
        term = self._row["term"]
        federation = organisation.federation or organisation
        congress = self._load_once(
            ("congresses", federation.pk, term.pk),
            lambda: {
                c.organisation_id: c
                for c in Congress.objects.filter(
                    in_subtree(federation.pk, via="organisation__"), term=term
                )
            },
        ).get(organisation.pk)
        if congress is not None:
            # The row's own objects, as this file changed them (one query per file, not row).
            congress.organisation, congress.term = organisation, term
        return congress

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        try:
            # The union and term were looked up by this resource, so they exist; each check
            # constraint is also a rule of Congress.clean() with the same message; and one
            # congress per union and term is what get_instance matched on. Validating them
            # again would cost several queries per row; the database still enforces them.
            instance.full_clean(
                exclude=[*errors, *TRUSTED_RELATIONS],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def init_instance(self, row=None):
        organisation = self._row["organisation"]
        return Congress(
            organisation=organisation,
            term=self._row["term"],
            level=Congress.LEVEL_FOR_ORGANISATION[organisation.level],
        )

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if self._row.get("held"):
            return True
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
