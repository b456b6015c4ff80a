"""Spreadsheets the site writes for district offices: the import template and the progress report.

The template holds no example row that could be imported as data: the example is on the
"Hướng dẫn" sheet. Every choice column offers a drop-down list (data validation on a
"Danh mục" sheet), date columns are real date cells shown dd/mm/yyyy, and an officer's
template lists their own federation's unions with what is recorded for them, so it can be
filled in and imported back unchanged without a single change.
"""

import datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .models import Congress, Organisation, Term
from .permissions import assigned_federation_id, editable_organisations, sees_all_federations
from .resources import CongressResource, formula_safe
from .selectors import ProgressTable
from .workbooks import MAX_ROWS

DATE_FORMAT = "dd/mm/yyyy"
DATE_COLUMNS = ("Hạn tổ chức", "Ngày dự kiến", "Ngày tổ chức")
CHOICE_COLUMNS = {
    "Loại hình": Organisation.GrassrootsType.choices,
    "Loại đại hội": Congress.Kind.choices,
    "Hình thức": Congress.Form.choices,
    "Đại hội/Hội nghị": Congress.MeetingType.choices,
    "Tình trạng": Congress.Status.choices,
    "Lý do không phải tổ chức": Congress.NotRequiredReason.choices,
    "Đánh giá": Congress.Assessment.choices,
    "Bầu UBKT": [("yes", "Có"), ("no", "Không")],
}
DATA_SHEET = "Đại hội CĐCS"
LISTS_SHEET = "Danh mục"
EXAMPLE = {
    "Mã LĐLĐ cấp trên": "THOXUAN",
    "Tên đơn vị": "Trường Tiểu học Xuân Lập",
    "Loại hình": "Trường học",
    "Số đoàn viên": "32",
    "Nhiệm kỳ": "2023-2028",
    "Tình trạng": "Đã tổ chức",
    "Ngày tổ chức": "18/11/2022",
}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _bytes(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _guide(book: Workbook, headers: list[str]) -> None:
    notes = book.create_sheet("Hướng dẫn")
    notes.append(["Cột", "Cách ghi"])
    guide = {
        "Mã LĐLĐ cấp trên": "Mã đơn vị cấp trên (ví dụ THOXUAN); cán bộ huyện có thể để trống.",
        "Tên đơn vị": "Tên công đoàn cơ sở như đã có (không cần ghi “Công đoàn cơ sở”, viết "
        "tắt TH, THCS… cũng được nhận ra); tên chưa có sẽ được tạo mới, tên gần giống một "
        "đơn vị đã có sẽ được hỏi lại trước khi tạo.",
        "Mã đơn vị": "Không bắt buộc. Nếu có, mã được dùng để tìm đơn vị, trước cả tên.",
        "Nhiệm kỳ": "Ví dụ 2023-2028.",
        "Ngày": "Hạn tổ chức, Ngày dự kiến, Ngày tổ chức: ngày/tháng/năm, ví dụ 18/11/2022.",
        "Các cột chọn": "Loại hình, Loại đại hội, Hình thức, Tình trạng, Đánh giá…: chọn trong "
        "danh sách thả xuống của ô.",
        "Giới hạn": f"Tối đa {MAX_ROWS:,} dòng; không dùng công thức trong ô.".replace(",", "."),
    }
    for column, text in guide.items():
        notes.append([column, text])
    notes.append([])
    notes.append(["Ví dụ một dòng (không nhập từ trang này):"])
    notes.append(headers)
    notes.append([EXAMPLE.get(header, "") for header in headers])
    notes.column_dimensions["A"].width = 28
    notes.column_dimensions["B"].width = 90
    for cell in notes[1]:
        cell.font = Font(bold=True)


def _drop_downs(book: Workbook, sheet, headers: list[str]) -> None:
    lists = book.create_sheet(LISTS_SHEET)
    last_row = MAX_ROWS + 1
    for index, (column, choices) in enumerate(CHOICE_COLUMNS.items(), 1):
        if column not in headers:
            continue
        letter = get_column_letter(index)
        lists.cell(row=1, column=index, value=column).font = Font(bold=True)
        for row, (_, label) in enumerate(choices, 2):
            lists.cell(row=row, column=index, value=label)
        validation = DataValidation(
            type="list",
            formula1=f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(choices) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Giá trị không có trong danh sách",
            error=f"Chọn một giá trị của cột “{column}” trong danh sách.",
        )
        target = get_column_letter(headers.index(column) + 1)
        validation.add(f"{target}2:{target}{last_row}")
        sheet.add_data_validation(validation)
    lists.sheet_state = "hidden"


def template_workbook(*, user=None, term: Term | None = None) -> bytes:
    """The import template; for an officer (``user``) with their federation's unions listed
    with what is recorded for them in ``term``."""
    resource = CongressResource(user=user)
    headers = resource.get_export_headers()
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    if user is not None and term is not None:
        _list_unions(sheet, resource, headers, user=user, term=term)
    for index, header in enumerate(headers, 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, len(header) + 2)
        if header in DATE_COLUMNS:
            # Dates typed into the empty rows become date cells shown as dd/mm/yyyy too.
            for row in range(2, MAX_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = DATE_FORMAT
    sheet.column_dimensions["B"].width = 44
    _drop_downs(book, sheet, headers)
    _guide(book, headers)
    return _bytes(book)


def _list_unions(sheet, resource, headers, *, user, term) -> None:
    if sees_all_federations(user) or assigned_federation_id(user) is None:
        return  # province staff fill in whichever federation they need
    congresses = resource.export(
        Congress.objects.for_term(term).filter(
            organisation__in=editable_organisations(user).grassroots()
        ),
        force_native_type=True,
    )
    for values in congresses:
        sheet.append(list(values))
    recorded = Congress.objects.for_term(term).values("organisation_id")
    without = editable_organisations(user).grassroots().exclude(pk__in=recorded)
    position = {header: i for i, header in enumerate(headers)}
    for union in without.select_related("parent"):
        values = [None] * len(headers)
        values[position["Mã LĐLĐ cấp trên"]] = union.parent.code
        values[position["Tên đơn vị"]] = formula_safe(union.name)
        values[position["Mã đơn vị"]] = union.code
        values[position["Loại hình"]] = union.get_grassroots_type_display()
        values[position["Số đoàn viên"]] = union.member_count
        values[position["Nhiệm kỳ"]] = f"{term.start_year}-{term.end_year}"
        sheet.append(values)


PROGRESS_HEADERS = [
    "Đơn vị",
    "Tổng số CĐCS",
    "Phải tổ chức",
    "Đã tổ chức",
    "Đại hội điểm",
    "Quá hạn",
    "Tỷ lệ đã tổ chức (%)",
]


def progress_workbook(table: ProgressTable, *, today: datetime.date) -> bytes:
    """The per-district table of /dai-hoi/ as district offices send it upward: title, the
    date it was made, one row per federation and the province total."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tiến độ"
    sheet.append([f"Tiến độ đại hội công đoàn cơ sở, nhiệm kỳ {table.term}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(["Số liệu đến ngày", today])
    sheet["B2"].number_format = DATE_FORMAT
    sheet.append([])
    sheet.append(PROGRESS_HEADERS)
    for cell in sheet[4]:
        cell.font = Font(bold=True)

    def figures(row):
        return [row.total, row.must_hold, row.held, row.model, row.overdue, row.percent]

    for row in table.rows:
        sheet.append([formula_safe(row.federation.name), *figures(row)])
    sheet.append(["Toàn tỉnh", *figures(table.province)])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 48
    for letter in "BCDEFG":
        sheet.column_dimensions[letter].width = 16
    return _bytes(book)
