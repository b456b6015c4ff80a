"""Bulk upload: several files with their metadata from a spreadsheet, all or nothing.

The sheet (.xlsx, read by openpyxl as the congress import is) has one document per row under a
header row; the "Tệp" column names the uploaded files of that row (separated by ";"). Headers,
list values (loại, cơ quan, lĩnh vực) and file names are matched folded (case, diacritics,
Unicode form, spaces). Every row goes through the same checks as the admin form (the model's
``full_clean``, the file checks, the account's issuers); one error anywhere and nothing is
saved, each error naming the sheet's own row number.
"""

import datetime
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook

from unionsite.text import fold_vietnamese

from . import permissions
from .files import inspect_upload
from .models import Document, DocumentFile, DocumentType, Field
from .services import document_saved

MAX_SHEET_BYTES = 5 * 1024 * 1024
MAX_ROWS = 500
MAX_COLUMNS = 30
COLUMNS = {
    "number": "Số ký hiệu",
    "doc_type": "Loại văn bản",
    "issuer": "Cơ quan ban hành",
    "signer": "Người ký",
    "issued_on": "Ngày ban hành",
    "effective_from": "Ngày hiệu lực",
    "effective_until": "Ngày hết hiệu lực",
    "fields": "Lĩnh vực",
    "title": "Trích yếu",
    "files": "Tệp",
}
REQUIRED = ["doc_type", "issuer", "issued_on", "title"]
DATE_FIELDS = ["issued_on", "effective_from", "effective_until"]
EXCEL_EPOCH = datetime.date(1899, 12, 30)


@dataclass
class ImportResult:
    created: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _key(text) -> str:
    return fold_vietnamese(unicodedata.normalize("NFC", str(text or "")))


def _date(value, label: str) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and 1 <= value < 100_000:  # an Excel serial day
        return EXCEL_EPOCH + datetime.timedelta(days=int(value))
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(f"{label} “{text[:40]}” không phải ngày dạng dd/mm/yyyy.")


def _rows(sheet_file) -> tuple[list[tuple[int, dict]], list[str]]:
    """(row number, {column: value}) for each non-blank row, or the errors that stop reading."""
    size = getattr(sheet_file, "size", None)
    if size is not None and size > MAX_SHEET_BYTES:
        return [], [f"Bảng tính quá lớn (tối đa {MAX_SHEET_BYTES // 1024 // 1024} MB)."]
    try:
        workbook = load_workbook(sheet_file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        return [], ["Không đọc được bảng tính: hãy dùng tệp .xlsx theo mẫu."]
    sheet = workbook.worksheets[0]
    if (sheet.max_row or 0) > MAX_ROWS + 1 or (sheet.max_column or 0) > MAX_COLUMNS:
        return [], [f"Bảng tính có quá nhiều dòng hoặc cột (tối đa {MAX_ROWS} văn bản)."]
    lines = sheet.iter_rows(values_only=True)
    header = next(lines, None) or ()
    wanted = {_key(label): name for name, label in COLUMNS.items()}
    positions = {wanted[_key(cell)]: i for i, cell in enumerate(header) if _key(cell) in wanted}
    missing = [COLUMNS[name] for name in REQUIRED if name not in positions]
    if missing:
        return [], [f"Dòng tiêu đề thiếu cột: {', '.join(missing)} (xem bảng tính mẫu)."]
    rows = []
    for number, line in enumerate(lines, start=2):
        values = {name: line[i] if i < len(line) else None for name, i in positions.items()}
        if all(v in (None, "") for v in values.values()):
            continue  # blank rows between documents
        rows.append((number, values))
        if len(rows) > MAX_ROWS:
            return [], [f"Bảng tính có quá nhiều dòng (tối đa {MAX_ROWS} văn bản)."]
    workbook.close()
    if not rows:
        return [], ["Bảng tính không có dòng văn bản nào dưới dòng tiêu đề."]
    return rows, []


def _build(values: dict, *, lookups: dict, files: dict, used: set) -> tuple[Document, list, list]:
    """The unsaved document, its fields and files for one row; raises ValidationError."""
    problems = []
    text = {k: str(v).strip() if v not in (None, "") else "" for k, v in values.items()}
    doc_type = lookups["types"].get(_key(text.get("doc_type")))
    if doc_type is None:
        problems.append(f"không có loại văn bản “{text.get('doc_type')}”")
    issuer = lookups["issuers"].get(_key(text.get("issuer")))
    if issuer is None:
        problems.append(
            f"cơ quan “{text.get('issuer')}” không có trong danh sách hoặc bạn không được "
            "đăng văn bản của cơ quan này"
        )
    dates = {}
    for name in DATE_FIELDS:
        try:
            dates[name] = _date(values.get(name), COLUMNS[name])
        except ValidationError as exc:
            problems.append(exc.messages[0])
    chosen_fields = []
    for name in filter(
        None, (n.strip() for n in text.get("fields", "").replace(",", ";").split(";"))
    ):
        found = lookups["fields"].get(_key(name))
        if found is None:
            problems.append(f"không có lĩnh vực “{name}”")
        else:
            chosen_fields.append(found)
    chosen_files = []
    for name in filter(None, (n.strip() for n in text.get("files", "").split(";"))):
        upload = files.get(_key(name))
        if upload is None:
            problems.append(f"chưa tải lên tệp “{name}”")
            continue
        try:
            inspect_upload(upload)
        except ValidationError as exc:
            problems.append(exc.messages[0])
            continue
        chosen_files.append(upload)
        used.add(_key(name))
    if problems:
        raise ValidationError(problems)
    document = Document(
        number=text.get("number", ""), doc_type=doc_type, issuer=issuer,
        signer=text.get("signer", ""), title=text.get("title", ""), **dates,
    )  # fmt: skip
    document.full_clean(exclude=["slug"])
    return document, chosen_fields, chosen_files


def import_documents(*, user, sheet, files: list) -> ImportResult:
    """Create a document per row of ``sheet`` with its ``files``; nothing at all on any error.

    Writes Document, DocumentFile (stored files) and, through ``document_saved``, congress
    references with the same number."""
    result = ImportResult()
    rows, result.errors = _rows(sheet)
    if result.errors:
        return result
    lookups = {
        "types": {_key(t.name): t for t in DocumentType.objects.all()},
        "issuers": {_key(i.name): i for i in permissions.issuers_for(user)},
        "fields": {_key(f.name): f for f in Field.objects.all()},
    }
    by_name = {_key(f.name): f for f in files}
    used: set[str] = set()
    built, seen = [], {}
    for number, values in rows:
        try:
            document, chosen_fields, chosen_files = _build(
                values, lookups=lookups, files=by_name, used=used
            )
        except ValidationError as exc:
            result.errors += [f"Dòng {number}: {m}" for m in exc.messages]
            continue
        key = (
            document.issuer.pk,
            Document.make_number_key(document.number),
            document.issued_on.year,
        )
        if key[1] and key in seen:
            result.errors.append(
                f"Dòng {number}: trùng số ký hiệu {document.number} với dòng {seen[key]}."
            )
            continue
        seen[key] = number
        built.append((document, chosen_fields, chosen_files))
    unused = sorted(f.name for f in files if _key(f.name) not in used)
    if unused:
        result.errors.append(f"Tệp đã tải lên nhưng không dòng nào nhắc tới: {', '.join(unused)}.")
    if result.errors:
        return result
    with transaction.atomic():
        for document, chosen_fields, chosen_files in built:
            document.created_by = user
            document.save()
            document.fields.set(chosen_fields)
            for position, upload in enumerate(chosen_files):
                DocumentFile.objects.create(document=document, file=upload, position=position)
            document_saved(document=document)
            result.created.append(document)
    return result


def template_workbook() -> bytes:
    """The spreadsheet to fill in: the header row and one example row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Văn bản"
    sheet.append(list(COLUMNS.values()))
    sheet.append([
        "61/KH-LĐLĐ", "Kế hoạch", "Liên đoàn Lao động tỉnh Thanh Hóa", "Chủ tịch",
        "05/04/2022", "", "", "Tổ chức đại hội", "Tổ chức Đại hội Công đoàn cơ sở",
        "ke-hoach-61.pdf; phu-luc.docx",
    ])  # fmt: skip
    for column in "ABCDEFGHIJ":
        sheet.column_dimensions[column].width = 24
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
