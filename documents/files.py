"""Checks for the files attached to documents, and the text read from them for search.

A file is accepted by its content, never by its name alone: the first bytes say what it is
(``%PDF-``, an OLE2 compound file for DOC/XLS, a zip for DOCX/XLSX/ODT/ZIP), then it is
parsed — PDFs by pypdf, Office Open XML and ODF files as zips that must hold their expected
parts. The name's extension must agree with the content. Refused: macro-enabled formats
(``.docm``, ``.xlsm``, a ``vbaProject.bin`` part, VBA storages in DOC/XLS, ODF ``Basic/``
scripts), encrypted PDFs and encrypted Office files, empty and oversized files, zip bombs.

Text is extracted from PDFs and DOCX files (bounded in pages and characters) so that the
document's search text can include it.
"""

import contextlib
import html
import io
import re
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ZIP_MEMBERS = 200
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_TEXT_PAGES = 200
MAX_TEXT_CHARS = 200_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str


KINDS = {
    "pdf": Kind("PDF", "application/pdf"),
    "doc": Kind("Word (DOC)", "application/msword"),
    "docx": Kind(
        "Word (DOCX)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xls": Kind("Excel (XLS)", "application/vnd.ms-excel"),
    "xlsx": Kind(
        "Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    "odt": Kind("OpenDocument (ODT)", "application/vnd.oasis.opendocument.text"),
    "zip": Kind("Tệp nén ZIP", "application/zip"),
}
ACCEPTED = "PDF, DOC, DOCX, XLS, XLSX, ODT hoặc ZIP chứa các tệp đó"
MACRO_EXTENSIONS = {"docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "ppsm", "potm"}
# Directory entry names inside DOC/XLS files (UTF-16LE) that only macro or encrypted files have.
OLE_MACRO_NAMES = [name.encode("utf-16-le") for name in ("_VBA_PROJECT", "Macros", "VBA")]
OLE_ENCRYPTED_NAMES = [name.encode("utf-16-le") for name in ("EncryptedPackage",)]
_DOCX_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|</w:p>")


@dataclass
class FileInfo:
    kind: str
    text: str = ""

    @property
    def label(self) -> str:
        return KINDS[self.kind].label


def _refuse(message: str, code: str):
    raise ValidationError(message, code=code)


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _read_all(file) -> bytes:
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(MAX_FILE_BYTES + 1)
    if hasattr(file, "seek"):
        file.seek(0)
    return data


def inspect_upload(file) -> FileInfo:
    """Check an uploaded file and return its kind and text; raise ValidationError (Vietnamese).

    The result is remembered on the file object, so the form's check and the save that
    follows parse the file once."""
    cached = getattr(file, "_document_info", None)
    if cached is not None:
        return cached
    name = getattr(file, "name", "") or ""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_FILE_BYTES:
        _refuse(_too_large(size), "too_large")
    data = _read_all(file)
    info = inspect_bytes(data, name)
    with contextlib.suppress(AttributeError):  # a read-only file object: parse again later
        file._document_info = info
    return info


def _too_large(size: int) -> str:
    return (
        f"Tệp quá lớn ({size / 1024 / 1024:.1f} MB). Dung lượng tối đa là "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB."
    )


def inspect_bytes(data: bytes, name: str, *, inside_zip: bool = False) -> FileInfo:
    short = name.rsplit("/", 1)[-1]
    if not data:
        _refuse(f"Tệp “{short}” rỗng (0 byte).", "empty")
    if len(data) > MAX_FILE_BYTES:
        _refuse(_too_large(len(data)), "too_large")
    ext = extension(name)
    if ext in MACRO_EXTENSIONS:
        _refuse(
            f"Tệp “{short}” là định dạng có macro (.{ext}), không được nhận. "
            "Hãy lưu lại thành .docx/.xlsx không có macro hoặc PDF.",
            "macro",
        )
    if data.startswith(PDF_MAGIC):
        detected, text = "pdf", _check_pdf(data, short)
    elif data.startswith(OLE_MAGIC):
        detected, text = _check_ole(data, ext, short), ""
    elif data.startswith(ZIP_MAGIC):
        detected, text = _check_zip(data, ext, short, inside_zip=inside_zip)
    else:
        _refuse(f"Tệp “{short}” không phải {ACCEPTED} (nội dung không khớp).", "invalid_type")
    if ext != detected:
        _refuse(
            f"Tệp “{short}” có đuôi .{ext or '(không có)'} nhưng nội dung là "
            f"{KINDS[detected].label}. Hãy đặt đúng đuôi tệp.",
            "extension_mismatch",
        )
    return FileInfo(kind=detected, text=text[:MAX_TEXT_CHARS])


def _check_pdf(data: bytes, short: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _refuse(
                f"Tệp PDF “{short}” được đặt mật khẩu hoặc mã hóa, không đọc được. "
                "Hãy tải lên bản không mã hóa.",
                "encrypted",
            )
        pages = reader.pages
        if len(pages) == 0:
            _refuse(f"Tệp PDF “{short}” không có trang nào.", "invalid_pdf")
        parts = []
        total = 0
        for page in list(pages)[:MAX_TEXT_PAGES]:
            try:
                text = page.extract_text() or ""
            except Exception:  # a damaged page: keep the file, skip its text
                text = ""
            parts.append(text)
            total += len(text)
            if total > MAX_TEXT_CHARS:
                break
        return " ".join(parts)
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError):
        _refuse(f"Tệp “{short}” không phải PDF hợp lệ (không mở được).", "invalid_pdf")
    except Exception:  # pypdf raises many types for garbage input
        _refuse(f"Tệp “{short}” không phải PDF hợp lệ (không mở được).", "invalid_pdf")


def _check_ole(data: bytes, ext: str, short: str) -> str:
    if any(marker in data for marker in OLE_ENCRYPTED_NAMES):
        _refuse(f"Tệp “{short}” được đặt mật khẩu, không đọc được.", "encrypted")
    if any(marker in data for marker in OLE_MACRO_NAMES):
        _refuse(f"Tệp “{short}” chứa macro, không được nhận.", "macro")
    if ext in {"doc", "xls"}:
        return ext
    _refuse(
        f"Tệp “{short}” là tệp Office kiểu cũ nhưng có đuôi .{ext or '(không có)'}; "
        "chỉ nhận .doc hoặc .xls.",
        "extension_mismatch",
    )


def _check_zip(data: bytes, ext: str, short: str, *, inside_zip: bool) -> tuple[str, str]:
    invalid = f"Tệp “{short}” bị hỏng hoặc không phải {ACCEPTED}."
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        _refuse(invalid, "invalid_zip")
    if len(infos) > MAX_ZIP_MEMBERS * 10:
        _refuse(f"Tệp “{short}” có quá nhiều thành phần.", "zip_too_many")
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        _refuse(f"Tệp “{short}” giải nén ra quá lớn.", "zip_bomb")
    if any(info.flag_bits & 0x1 for info in infos):
        _refuse(f"Tệp “{short}” được đặt mật khẩu, không đọc được.", "encrypted")
    names = {info.filename for info in infos}
    lowered = {n.lower() for n in names}
    try:
        if "[Content_Types].xml" in names:
            return _check_ooxml(archive, names, lowered, short)
        if "mimetype" in names:
            return _check_odf(archive, lowered, short)
        if inside_zip:
            _refuse(f"Tệp “{short}”: không nhận tệp nén lồng trong tệp nén.", "nested_zip")
        return _check_plain_zip(archive, infos, short)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, NotImplementedError):
        _refuse(invalid, "invalid_zip")


def _check_ooxml(archive, names, lowered, short) -> tuple[str, str]:
    content_types = archive.read("[Content_Types].xml")[:1_000_000].decode("utf-8", "replace")
    if "vbaproject.bin" in " ".join(lowered) or "macroEnabled" in content_types:
        _refuse(f"Tệp “{short}” chứa macro, không được nhận.", "macro")
    if "word/document.xml" in names:
        xml = archive.read("word/document.xml")[: MAX_TEXT_CHARS * 20].decode("utf-8", "replace")
        words = [
            " " if match.group(0) == "</w:p>" else html.unescape(match.group(1))
            for match in _DOCX_TEXT.finditer(xml)
        ]
        return "docx", "".join(words)
    if "xl/workbook.xml" in names:
        return "xlsx", ""
    _refuse(f"Tệp “{short}” là tệp Office nhưng không phải Word hay Excel.", "invalid_type")


def _check_odf(archive, lowered, short) -> tuple[str, str]:
    mimetype = archive.read("mimetype")[:200].decode("ascii", "replace").strip()
    if mimetype != KINDS["odt"].content_type or "content.xml" not in lowered:
        _refuse(f"Tệp “{short}” không phải văn bản ODT hợp lệ.", "invalid_type")
    if any(n.startswith(("basic/", "scripts/")) for n in lowered):
        _refuse(f"Tệp “{short}” chứa macro, không được nhận.", "macro")
    return "odt", ""


def _check_plain_zip(archive, infos, short) -> tuple[str, str]:
    members = [info for info in infos if not info.is_dir()]
    if not members:
        _refuse(f"Tệp nén “{short}” không có tệp nào.", "empty")
    if len(members) > MAX_ZIP_MEMBERS:
        _refuse(f"Tệp nén “{short}” có quá nhiều tệp (tối đa {MAX_ZIP_MEMBERS}).", "zip_too_many")
    texts = []
    for info in members:
        member = info.filename
        try:
            inner = inspect_bytes(archive.read(info), member, inside_zip=True)
        except ValidationError as exc:
            _refuse(f"Trong tệp nén “{short}”: {exc.messages[0]}", exc.code or "invalid_member")
        texts.append(inner.text)
    return "zip", " ".join(texts)
