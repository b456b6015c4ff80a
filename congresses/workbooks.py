"""Reading an uploaded spreadsheet within limits, before any cell is loaded.

An .xlsx file is a zip of XML parts. A 5 KB file can declare a sheet of ``A1:XFD1048576``
(17 billion cells) or hold a shared-strings part that unzips to gigabytes; openpyxl would
then pad every row to the declared width or hold every string in memory, and a worker grows
by hundreds of megabytes. So the zip's directory and each sheet's declared dimension are read
first with ``zipfile`` (a few kilobytes), and a file over the limits below is refused with a
message saying which one. Only then are the cells read, row by row, never past
``MAX_ROWS``/``MAX_COLUMNS``, keeping the spreadsheet's own row number of each row (blank rows
are dropped but still counted) so messages can say "Dòng 14" as Excel shows it.

A .csv file is read with the csv module within the same row and column limits.
"""

import csv
import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5_000  # data rows, below the header
MAX_COLUMNS = 60
MAX_UNZIPPED_BYTES = 25 * 1024 * 1024
# Parts openpyxl parses whole (shared strings, styles, workbook) rather than streaming them.
MAX_SHARED_STRINGS_BYTES = 6 * 1024 * 1024
MAX_PART_BYTES = 6 * 1024 * 1024
MAX_ZIP_MEMBERS = 500
# How much of a sheet's XML to read looking for its <dimension> (it comes right at the start).
DIMENSION_PROBE_BYTES = 16 * 1024
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\s+ref="([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)"'
)

FORMATS = (".xlsx", ".csv")


class WorkbookError(Exception):
    """The file cannot be read within the limits; the message is for the person importing."""


@dataclass
class Sheet:
    """Header and data rows of one sheet; ``numbers[i]`` is the spreadsheet row of ``rows[i]``."""

    headers: list[str]
    rows: list[tuple] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def _limits_text() -> str:
    return (
        f"Tệp nhập chỉ nhận tối đa {_number(MAX_ROWS)} dòng và {MAX_COLUMNS} cột; hãy xóa các "
        "dòng, cột thừa hoặc chép dữ liệu sang tệp mẫu."
    )


def check_xlsx_limits(content: bytes, filename: str) -> None:
    """Raise WorkbookError if the zip directory or a sheet's declared size is over the limits.

    Reads only the zip's directory and the first bytes of each worksheet part."""
    name = os.path.basename(filename)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise WorkbookError(
            f"Không đọc được tệp “{name}”: tệp hỏng hoặc không phải bảng tính .xlsx."
        ) from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise WorkbookError(f"Tệp “{name}” có quá nhiều thành phần ({len(members)}).")
    unzipped = sum(member.file_size for member in members)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise WorkbookError(
            f"Tệp “{name}” khi giải nén chiếm {_megabytes(unzipped)}, vượt giới hạn "
            f"{_megabytes(MAX_UNZIPPED_BYTES)}. {_limits_text()}"
        )
    for member in members:
        lower = member.filename.lower()
        if lower.endswith("sharedstrings.xml") and member.file_size > MAX_SHARED_STRINGS_BYTES:
            raise WorkbookError(
                f"Phần chữ của tệp “{name}” chiếm {_megabytes(member.file_size)}, vượt giới hạn "
                f"{_megabytes(MAX_SHARED_STRINGS_BYTES)}. {_limits_text()}"
            )
        if lower.startswith("xl/worksheets/") and lower.endswith(".xml"):
            _check_dimension(archive, member, name)
        elif member.file_size > MAX_PART_BYTES:
            raise WorkbookError(
                f"Phần “{member.filename[:60]}” của tệp “{name}” chiếm "
                f"{_megabytes(member.file_size)}, vượt giới hạn {_megabytes(MAX_PART_BYTES)}."
            )


def _check_dimension(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    try:
        with archive.open(member) as part:
            head = part.read(DIMENSION_PROBE_BYTES)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        raise WorkbookError(f"Không đọc được tệp “{name}”: tệp hỏng.") from None
    match = _DIMENSION.search(head)
    if not match:
        return  # no declaration: the row-by-row reading below stops at the limits anyway
    ref = match[1].decode("ascii").upper()
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
    except ValueError:
        return
    rows = (max_row or 1) - (min_row or 1) + 1
    columns = max_col or 1
    if rows > MAX_ROWS + 1 or columns > MAX_COLUMNS:
        raise WorkbookError(
            f"Bảng tính trong tệp “{name}” khai báo vùng dữ liệu {ref} ({_number(rows)} dòng, "
            f"{_number(columns)} cột). {_limits_text()}"
        )


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _clean(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def _too_long(name: str) -> WorkbookError:
    return WorkbookError(
        f"Tệp “{name}” có hơn {_number(MAX_ROWS + 1)} dòng (kể cả dòng tiêu đề và dòng trống). "
        f"{_limits_text()}"
    )


def _collect(rows, name: str, *, blank_tail_counts: bool) -> Sheet:
    """Build a Sheet from (row number, values) pairs: header first, blank rows dropped (their
    numbers still count), at most ``MAX_ROWS + 1`` spreadsheet rows. ``blank_tail_counts``:
    a blank row past the limit is refused too (an .xlsx is not read past it, so what follows
    is unknown)."""
    sheet = None
    for number, values in rows:
        values = tuple(_clean(v) for v in values)
        blank = all(_blank(v) for v in values)
        if number > MAX_ROWS + 1 and (blank_tail_counts or not blank):
            raise _too_long(name)
        if blank:
            continue
        if sheet is None:
            headers = ["" if v is None else str(v).strip() for v in values]
            while headers and not headers[-1]:
                headers.pop()
            sheet = Sheet(headers=headers)
            continue
        width = len(sheet.headers)
        values = values[:width] + (None,) * (width - len(values))
        sheet.rows.append(values)
        sheet.numbers.append(number)
    if sheet is None or not sheet.headers:
        raise WorkbookError("Tệp không có dòng tiêu đề; hãy dùng tệp mẫu.")
    return sheet


def _read_xlsx(content: bytes, name: str) -> Sheet:
    check_xlsx_limits(content, name)
    try:
        # data_only=False: a formula comes back as its text ("=HYPERLINK(…)") and is refused
        # by the column that reads it, never taken for the value Excel last showed.
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        worksheet = book.worksheets[0]
        # Header, MAX_ROWS rows, and one more to tell a long file from one exactly at it.
        rows = worksheet.iter_rows(
            min_row=1, max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS, values_only=True
        )
        # Blank rows before the header count too: the first row read is spreadsheet row 1.
        sheet = _collect(enumerate(rows, 1), name, blank_tail_counts=True)
        book.close()
    except WorkbookError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise WorkbookError(
            f"Không đọc được tệp “{name}”: tệp hỏng hoặc không đúng định dạng .xlsx "
            f"({type(exc).__name__})."
        ) from None
    return sheet


def _read_csv(content: bytes, name: str) -> Sheet:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorkbookError(
            f"Tệp “{name}” không phải văn bản UTF-8. Trong Excel, chọn Lưu thành → "
            "“CSV UTF-8 (phân cách bằng dấu phẩy)”, hoặc dùng tệp .xlsx."
        ) from None
    if "\x00" in text:
        raise WorkbookError(f"Tệp “{name}” không phải bảng tính .csv.")
    reader = csv.reader(io.StringIO(text, newline=""))

    def numbered():
        try:
            # Records, not physical lines: a cell with a line break is still one row in Excel.
            for number, values in enumerate(reader, 1):
                if len(values) > MAX_COLUMNS and any(not _blank(v) for v in values[MAX_COLUMNS:]):
                    raise WorkbookError(
                        f"Dòng {number} của tệp “{name}” có {len(values)} cột. {_limits_text()}"
                    )
                yield number, [v if v != "" else None for v in values[:MAX_COLUMNS]]
        except csv.Error as exc:
            raise WorkbookError(f"Không đọc được tệp “{name}”: {exc}.") from None

    return _collect(numbered(), name, blank_tail_counts=False)


def read_sheet(*, content: bytes, filename: str) -> Sheet:
    """The first sheet of an .xlsx file or a .csv file, within the limits; WorkbookError
    with a Vietnamese message otherwise."""
    name = os.path.basename(filename)
    extension = os.path.splitext(filename.lower())[1]
    if extension not in FORMATS:
        raise WorkbookError(f"Tệp “{name}” không phải bảng tính .xlsx hoặc .csv.")
    if len(content) > MAX_UPLOAD_BYTES:
        raise WorkbookError(
            f"Tệp “{name}” nặng {_megabytes(len(content))}, vượt giới hạn "
            f"{_megabytes(MAX_UPLOAD_BYTES)}. {_limits_text()}"
        )
    if extension == ".csv":
        return _read_csv(content, name)
    return _read_xlsx(content, name)
