"""Writes that other parts of the site call: importing a spreadsheet of congress results."""

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO

from import_export.formats.base_formats import CSV, XLSX
from import_export.results import Result
from openpyxl import Workbook
from openpyxl.styles import Font

from .models import Congress, Organisation
from .resources import CongressResource

IMPORT_FORMATS = {".xlsx": XLSX, ".csv": CSV}


class ImportFileError(Exception):
    """The file cannot be read as a spreadsheet; the message is for the person importing."""


@dataclass
class ImportReport:
    dry_run: bool
    total_rows: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def saved(self) -> bool:
        return self.ok and not self.dry_run


def read_dataset(*, content: bytes, filename: str):
    """A tablib Dataset from the bytes of an .xlsx or .csv file, or ImportFileError."""
    extension = os.path.splitext(filename.lower())[1]
    format_class = IMPORT_FORMATS.get(extension)
    if format_class is None:
        raise ImportFileError(
            f"Tệp “{os.path.basename(filename)}” không phải bảng tính .xlsx hoặc .csv."
        )
    try:
        if format_class is CSV:
            dataset = format_class().create_dataset(content.decode("utf-8-sig"))
        else:
            dataset = format_class().create_dataset(content)
    except Exception as exc:  # openpyxl/tablib raise many types for a damaged file
        raise ImportFileError(
            f"Không đọc được tệp “{os.path.basename(filename)}”: tệp hỏng hoặc không đúng "
            f"định dạng {extension} ({type(exc).__name__})."
        ) from None
    if not dataset.headers:
        raise ImportFileError("Tệp không có dòng tiêu đề; hãy dùng tệp mẫu.")
    return dataset


def describe_errors(result: Result) -> list[str]:
    """Row-by-row messages in Vietnamese; spreadsheet line numbers count the header as line 1."""
    messages = [f"Lỗi tệp: {error.error}" for error in result.base_errors]
    for number, errors in result.row_errors():
        for error in errors:
            messages.append(f"Dòng {number + 1}: {error.error}")
    for invalid in result.invalid_rows:
        for field_errors in invalid.error_dict.values():
            for message in field_errors:
                messages.append(f"Dòng {invalid.number + 1}: {message}")
    return messages


def import_congresses(
    *,
    content: bytes,
    filename: str,
    user=None,
    federation: Organisation | None = None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import one spreadsheet of unions and congress results, all or nothing.

    Creates or updates grassroots ``Organisation`` rows and ``Congress`` rows in one
    transaction; any row error rolls the whole file back. ``user`` limits the rows to the
    federations that account may edit (None: an operator at the command line).
    ``progress`` is called with each row number as it is processed.
    """
    dataset = read_dataset(content=content, filename=filename)
    resource = CongressResource(user=user, federation=federation)
    # One transaction comes from CongressResource.Meta.use_transactions; the resource already
    # holds ``user``.
    result = resource.import_data(
        dataset, dry_run=dry_run, rollback_on_validation_errors=True, progress=progress
    )
    report = ImportReport(dry_run=dry_run, total_rows=result.total_rows)
    report.errors = describe_errors(result)
    report.new = result.totals.get("new", 0)
    report.updated = result.totals.get("update", 0)
    report.skipped = result.totals.get("skip", 0)
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
        return ("\ufeff" + dataset.csv).encode("utf-8")
    return XLSX().export_data(dataset)


def template_workbook() -> bytes:
    """An .xlsx with the import columns and one example row, for district offices to fill in."""

    resource = CongressResource()
    headers = resource.get_export_headers()
    example = {
        "Mã LĐLĐ cấp trên": "THOXUAN",
        "Tên đơn vị": "Công đoàn cơ sở Trường tiểu học Xuân Lập",
        "Loại hình": "Trường học",
        "Số đoàn viên": 32,
        "Nhiệm kỳ": "2023-2028",
        "Loại đại hội": "Đại hội điểm",
        "Hình thức": "Toàn thể đoàn viên",
        "Đại hội/Hội nghị": "Đại hội",
        "Tình trạng": "Đã tổ chức",
        "Ngày tổ chức": "18/11/2022",
        "Số đại biểu triệu tập": 32,
        "Số đại biểu có mặt": 30,
        "Số ủy viên BCH": 5,
        "Bầu UBKT": "Không",
        "Đánh giá": "Hoàn thành tốt",
    }
    book = Workbook()
    sheet = book.active
    sheet.title = "Đại hội CĐCS"
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append([example.get(header, "") for header in headers])
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = max(
            14, len(str(column[0].value)) + 2
        )
    notes = book.create_sheet("Hướng dẫn")
    notes.append(["Cột", "Cách ghi"])
    guide = {
        "Mã LĐLĐ cấp trên": "Mã đơn vị cấp trên (ví dụ THOXUAN); cán bộ huyện có thể để trống.",
        "Tên đơn vị": "Tên công đoàn cơ sở; tên chưa có sẽ được tạo mới.",
        "Nhiệm kỳ": "Ví dụ 2023-2028.",
        "Loại hình": ", ".join(label for _, label in Organisation.GrassrootsType.choices),
        "Loại đại hội": ", ".join(label for _, label in Congress.Kind.choices),
        "Hình thức": ", ".join(label for _, label in Congress.Form.choices),
        "Đại hội/Hội nghị": ", ".join(label for _, label in Congress.MeetingType.choices),
        "Tình trạng": ", ".join(label for _, label in Congress.Status.choices),
        "Lý do không phải tổ chức": ", ".join(
            label for _, label in Congress.NotRequiredReason.choices
        ),
        "Đánh giá": ", ".join(label for _, label in Congress.Assessment.choices),
        "Ngày": "Hạn tổ chức, Ngày dự kiến, Ngày tổ chức: ngày/tháng/năm, ví dụ 18/11/2022.",
        "Bầu UBKT": "Có hoặc Không.",
    }
    for column, text in guide.items():
        notes.append([column, text])
    notes.column_dimensions["A"].width = 28
    notes.column_dimensions["B"].width = 90
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
