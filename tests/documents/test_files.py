"""Files are checked by content through the admin form: each hostile sample gets a
Vietnamese form error and nothing is saved; good files are stored under random names."""

import pytest

from documents.models import Document, DocumentFile

from . import samples
from .conftest import document_post

pytestmark = pytest.mark.django_db
ADD = "/admin/documents/document/add/"


def _media_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


HOSTILE = [
    ("fake.pdf", b"%PDF-1.7\nthis is not really a pdf", "không phải PDF hợp lệ"),
    ("renamed.pdf", b"MZ\x90\x00 a windows program", "không phải PDF, DOC"),
    ("script.docx", b"<script>alert(1)</script>", "không phải PDF, DOC"),
    ("mat-khau.pdf", samples.encrypted_pdf(), "mật khẩu"),
    ("macro.docm", samples.docx("x", macro=True), "có macro (.docm)"),
    ("macro-doi-ten.docx", samples.docx("x", macro=True), "chứa macro"),
    ("macro.doc", samples.ole("Root Entry", "Macros", "_VBA_PROJECT"), "chứa macro"),
    ("macro.odt", samples.odt(macro=True), "chứa macro"),
    ("rong.pdf", b"", "rỗng"),
    ("sai-duoi.xlsx", samples.pdf(), "có đuôi .xlsx nhưng nội dung là PDF"),
    ("bom.zip", samples.zip_bomb(), "giải nén ra quá lớn"),
    (
        "co-exe.zip",
        samples.plain_zip({"a.pdf": samples.pdf(), "virus.exe": b"MZ"}),
        "Trong tệp nén",
    ),
    (
        "long.zip",
        samples.plain_zip({"trong.zip": samples.plain_zip({"a.pdf": samples.pdf()})}),
        "tệp nén lồng",
    ),
]


@pytest.mark.parametrize("name,content,message", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_is_refused_and_nothing_saved(client, editor, issuers, settings, name,
                                                    content, message):  # fmt: skip
    client.force_login(editor)
    response = client.post(ADD, document_post(issuers["province"], files=[(name, content)]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Document.objects.count() == 0
    assert DocumentFile.objects.count() == 0
    assert _media_files(settings) == []


def test_oversized_file_is_refused(client, editor, issuers):
    client.force_login(editor)
    content = samples.pdf() + b"\x00" * (20 * 1024 * 1024)
    response = client.post(ADD, document_post(issuers["province"], files=[("to.pdf", content)]))
    assert "Tệp quá lớn" in response.content.decode()
    assert Document.objects.count() == 0


GOOD = [
    ("Kế hoạch.pdf", samples.pdf("Ke hoach thang cong nhan"), "pdf", "thang cong nhan"),
    (
        "Công văn.docx",
        samples.docx("Về việc tổ chức", "Tháng Công nhân"),
        "docx",
        "thang cong nhan",
    ),
    ("Danh sách.xlsx", samples.xlsx(), "xlsx", ""),
    ("Dự thảo.odt", samples.odt(), "odt", ""),
    ("Cũ.doc", samples.ole("Root Entry", "WordDocument"), "doc", ""),
    (
        "Hồ sơ.zip",
        samples.plain_zip(
            {"a.pdf": samples.pdf("Phu luc mot"), "b.docx": samples.docx("Phụ lục hai")}
        ),
        "zip",
        "phu luc hai",
    ),
]


@pytest.mark.parametrize("name,content,kind,text", GOOD, ids=[g[2] for g in GOOD])
def test_good_file_is_stored_under_a_random_name(client, editor, issuers, name, content, kind,
                                                 text):  # fmt: skip
    client.force_login(editor)
    response = client.post(ADD, document_post(issuers["province"], files=[(name, content)]))
    assert response.status_code == 302, response.content.decode()[:3000]
    attached = DocumentFile.objects.get()
    assert (attached.original_name, attached.kind, attached.size) == (name, kind, len(content))
    assert attached.file.name.endswith(f".{kind}") and name not in attached.file.name
    document = Document.objects.get()
    assert document.created_by == editor
    if text:
        assert f" {text} " in document.search_text


def test_resaving_a_document_keeps_its_file(client, editor, issuers):
    client.force_login(editor)
    client.post(ADD, document_post(issuers["province"], files=[("a.pdf", samples.pdf())]))
    document = Document.objects.get()
    attached = document.files.get()
    stored = attached.file.name
    data = document_post(issuers["province"], title="Kế hoạch đã sửa")
    data.update({
        "files-TOTAL_FORMS": "1", "files-INITIAL_FORMS": "1",
        "files-0-id": str(attached.pk), "files-0-document": str(document.pk),
        "files-0-title": "", "files-0-position": "0",
    })  # fmt: skip
    for _ in range(2):
        response = client.post(f"/admin/documents/document/{document.pk}/change/", data)
        assert response.status_code == 302
    attached.refresh_from_db()
    assert attached.file.name == stored
    assert Document.objects.get().title == "Kế hoạch đã sửa"
