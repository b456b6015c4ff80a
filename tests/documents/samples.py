"""Files staff might upload, good and hostile, built in memory (no binary fixtures)."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from pypdf import PdfReader, PdfWriter

from documents.pdf import sample_pdf

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="{}"/></Types>'
)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"


def pdf(*lines: str) -> bytes:
    return sample_pdf(list(lines) or ["Van ban mau"])


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf("Mat"))))
    writer.encrypt("mat-khau", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip(parts: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def docx(*paragraphs: str, macro: bool = False) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.format(DOCM_TYPE if macro else DOCX_TYPE),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            f'openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
        ),
    }
    if macro:
        parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0macro"
    return _zip(parts)


def xlsx() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "Danh sách"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def odt(*, macro: bool = False) -> bytes:
    parts = {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": "<office:document-content/>",
    }
    if macro:
        parts["Basic/Standard/Module1.xml"] = "<script/>"
    return _zip(parts)


def ole(*names: str) -> bytes:
    """An OLE2 compound file header with directory entry names (as in DOC/XLS)."""
    entries = b"".join(name.encode("utf-16-le") + b"\x00" * 8 for name in names)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + entries


def plain_zip(parts: dict[str, bytes]) -> bytes:
    return _zip(parts)


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.pdf", b"%PDF-" + b"\x00" * (110 * 1024 * 1024))
    return out.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")
