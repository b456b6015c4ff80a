"""Writes that other parts of the site call: importing a spreadsheet of congress results.

``import_congresses`` is the one front door for spreadsheets: the admin's import page and the
``import_congresses`` command both call it. It holds the permission check, the reading limits
(``workbooks.read_sheet``), the column names (``resources``), the all-or-nothing rule and the
per-row report the preview shows.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from import_export.formats.base_formats import CSV, XLSX

from . import permissions
from .models import Congress, Organisation
from .resources import CongressResource, RowReport
from .sheets import template_workbook  # noqa: F401 - the import template, for other apps
from .workbooks import WorkbookError, read_sheet

logger = logging.getLogger(__name__)

# The file cannot be read as a spreadsheet, or is over the limits; the message is for people.
ImportFileError = WorkbookError


class BomCSV(CSV):
    """CSV export that starts with a byte-order mark, so Excel on Windows reads it as UTF-8."""

    def export_data(self, dataset, **kwargs):
        return "\ufeff" + super().export_data(dataset, **kwargs)


@dataclass
class RowOutcome:
    """One spreadsheet row in the preview: what it names and what the import does with it."""

    number: int
    name: str
    federation: str
    action: str  # "mới", "cập nhật", "không đổi", "giữ lại", "lỗi"
    errors: list[str] = field(default_factory=list)
    similar: list[str] = field(default_factory=list)
    new_union: bool = False


@dataclass
class ImportReport:
    dry_run: bool
    total_rows: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0
    held: int = 0
    errors: list[str] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def saved(self) -> bool:
        return self.ok and not self.dry_run

    @property
    def rolled_back(self) -> bool:
        """A real import that met an error: the transaction was rolled back, nothing saved."""
        return not self.ok and not self.dry_run

    @property
    def held_rows(self) -> list[RowOutcome]:
        return [row for row in self.rows if row.action == ACTIONS["held"]]


ACTIONS = {
    "new": "mới",
    "update": "cập nhật",
    "skip": "không đổi",
    "held": "giữ lại",
    "invalid": "lỗi",
    "error": "lỗi",
}


def read_dataset(*, content: bytes, filename: str) -> tuple[tablib.Dataset, list[int]]:
    """A tablib Dataset of the file's data rows and the spreadsheet row number of each, or
    ImportFileError (Vietnamese message) for a file that cannot be read within the limits."""
    sheet = read_sheet(content=content, filename=filename)
    dataset = tablib.Dataset(headers=sheet.headers)
    for values in sheet.rows:
        dataset.append(["" if value is None else value for value in values])
    return dataset, sheet.numbers


def _messages(resource: CongressResource, error_dict: dict) -> list[str]:
    messages = []
    for key, texts in error_dict.items():
        column = "" if key == NON_FIELD_ERRORS else resource.column_of(key)
        for text in texts:
            messages.append(f"Cột “{column}”: {text}" if column else text)
    return messages


def _outcomes(resource: CongressResource, result) -> tuple[list[RowOutcome], list[str]]:
    rows, errors = [], []
    for index, row_result in enumerate(result.rows, 1):
        number = resource.sheet_row(index)
        info = resource.reports.get(number) or RowReport(number=number)
        action = row_result.import_type
        if info.held:
            action = "held"
        messages = []
        if row_result.validation_error is not None:
            error = row_result.validation_error
            error_dict = (
                error.message_dict
                if hasattr(error, "error_dict")
                else {NON_FIELD_ERRORS: error.messages}
            )
            messages = _messages(resource, error_dict)
        for error in row_result.errors:
            logger.warning("Congress import row %s failed: %r", number, error.error)
            messages.append(
                "Không lưu được dòng này vì lỗi hệ thống; báo cho quản trị trang "
                f"({type(error.error).__name__})."
            )
        errors += [
            f"Dòng {number}, c{message[1:]}"
            if message.startswith("Cột “")
            else f"Dòng {number}: {message}"
            for message in messages
        ]
        rows.append(
            RowOutcome(
                number=number,
                name=info.name,
                federation=info.federation,
                action=ACTIONS.get(action, ACTIONS["error"]),
                errors=messages,
                similar=info.similar,
                new_union=info.new_union,
            )
        )
    return rows, errors


def import_congresses(
    *,
    content: bytes,
    filename: str,
    user=None,
    federation: Organisation | None = None,
    dry_run: bool = False,
    accept_similar: frozenset[int] = frozenset(),
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import one spreadsheet of unions and congress results, all or nothing.

    Creates or updates grassroots ``Organisation`` rows and ``Congress`` rows in one
    transaction; any row error rolls the whole file back. ``user`` limits the rows to the
    federations that account may edit (None: an operator at the command line) and must be
    allowed to import at all (PermissionDenied otherwise). A new union whose name is close to
    an existing one is held back unless its spreadsheet row is in ``accept_similar``.
    ``progress`` is called with each row number as it is processed. Raises ImportFileError
    for a file that cannot be read within the limits (nothing is saved).
    """
    if user is not None and not permissions.may_import_congresses(user):
        raise PermissionDenied("Tài khoản này không được nhập bảng tính đại hội.")
    dataset, numbers = read_dataset(content=content, filename=filename)
    resource = CongressResource(
        user=user, federation=federation, numbers=numbers, accept_similar=accept_similar
    )
    # One transaction comes from CongressResource.Meta.use_transactions.
    result = resource.import_data(
        dataset, dry_run=dry_run, rollback_on_validation_errors=True, progress=progress
    )
    report = ImportReport(dry_run=dry_run, total_rows=result.total_rows)
    report.errors = [f"Lỗi tệp: {error.error}" for error in result.base_errors]
    rows, row_errors = _outcomes(resource, result)
    report.rows = rows
    report.errors += row_errors
    report.held = len(report.held_rows)
    report.new = result.totals.get("new", 0)
    report.updated = result.totals.get("update", 0)
    report.skipped = result.totals.get("skip", 0) - report.held
    return report


def export_congresses(*, queryset=None, user=None, file_format: str = "xlsx") -> bytes:
    """The rows the account may see, as .xlsx bytes or .csv text encoded UTF-8 with a BOM."""
    resource = CongressResource(user=user)
    dataset = resource.export(
        queryset if queryset is not None else Congress.objects.all(),
        # .xlsx keeps real dates and numbers; .csv gets the dd/mm/yyyy text people type.
        force_native_type=file_format != "csv",
    )
    if file_format == "csv":
        return BomCSV().export_data(dataset).encode("utf-8")
    return XLSX().export_data(dataset)
