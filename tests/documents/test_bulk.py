"""Bulk upload: a spreadsheet of metadata and several files; all or nothing, messy input
accepted, each error naming the sheet's row."""

import datetime
import io
import unicodedata

import pytest
from openpyxl import Workbook

from documents.bulk import COLUMNS
from documents.models import Document, DocumentFile

from . import samples

pytestmark = pytest.mark.django_db
URL = "/admin/documents/document/nhap/"


def sheet(*rows, header=None) -> samples.SimpleUploadedFile:
    workbook = Workbook()
    ws = workbook.active
    ws.append(header or list(COLUMNS.values()))
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return samples.upload("van-ban.xlsx", out.getvalue())


def row(number, issuer, files="", **overrides):
    values = {
        "number": number, "doc_type": "Kế hoạch", "issuer": issuer, "signer": "Chủ tịch",
        "issued_on": "05/04/2022", "effective_from": "", "effective_until": "",
        "fields": "Tổ chức đại hội", "title": f"Kế hoạch số {number}", "files": files,
    }  # fmt: skip
    values.update(overrides)
    return [values[name] for name in COLUMNS]


def post(client, workbook, *files):
    return client.post(URL, {"sheet": workbook, "files": list(files)})


def test_sheet_with_messy_input_creates_every_document_with_its_files(client, editor, issuers,
                                                                      fields):  # fmt: skip
    client.force_login(editor)
    nfd_issuer = unicodedata.normalize("NFD", "liên đoàn lao động tỉnh thanh hóa")
    workbook = sheet(
        row("61/KH-LĐLĐ", nfd_issuer, "Kế hoạch 61.pdf; phu luc.docx",
            issued_on=datetime.datetime(2022, 4, 5), fields="to chuc dai hoi"),
        [None] * len(COLUMNS),  # a blank row
        row("185/KH-LĐLĐ", " Liên đoàn Lao động huyện Thọ Xuân ", "185.pdf",
            issued_on=44853, doc_type="kế hoạch"),  # an Excel serial date: 19/10/2022
    )  # fmt: skip
    response = post(
        client, workbook,
        samples.upload(unicodedata.normalize("NFD", "Kế hoạch 61.pdf"), samples.pdf("Mot")),
        samples.upload("Phụ lục.docx", samples.docx("Phụ lục")),
        samples.upload("185.pdf", samples.pdf("Hai")),
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[-3000:]
    kh61 = Document.objects.get(number="61/KH-LĐLĐ")
    assert kh61.files.count() == 2 and kh61.created_by == editor
    assert list(kh61.fields.values_list("name", flat=True)) == ["Tổ chức đại hội"]
    assert Document.objects.get(number="185/KH-LĐLĐ").issued_on == datetime.date(2022, 10, 19)
    assert " phu luc " in kh61.search_text


@pytest.mark.parametrize(
    "bad,message",
    [
        ({"doc_type": "Sắc lệnh"}, "Dòng 3: không có loại văn bản “Sắc lệnh”"),
        ({"issued_on": "32/13/2022"}, "Dòng 3: Ngày ban hành “32/13/2022” không phải ngày"),
        ({"effective_from": "01/01/2020"}, "Dòng 3: Ngày hiệu lực 01/01/2020 không thể trước"),
        ({"files": "khong-co.pdf"}, "Dòng 3: chưa tải lên tệp “khong-co.pdf”"),
        ({"files": "gia.pdf"}, "Dòng 3: Tệp “gia.pdf” không phải PDF hợp lệ"),
        ({"number": "1/kh-ldld"}, "Dòng 3: trùng số ký hiệu 1/kh-ldld với dòng 2."),
    ],
)
def test_one_bad_row_saves_nothing(client, editor, issuers, fields, bad, message):
    client.force_login(editor)
    province = "Liên đoàn Lao động tỉnh Thanh Hóa"
    second = {"number": "2/KH-LĐLĐ", **bad}
    workbook = sheet(row("1/KH-LĐLĐ", province, "a.pdf"), row(issuer=province, **second))
    files = [samples.upload("a.pdf", samples.pdf())]
    if bad.get("files") == "gia.pdf":
        files.append(samples.upload("gia.pdf", b"%PDF-1.4 not really"))
    response = post(client, workbook, *files)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Document.objects.count() == 0 and DocumentFile.objects.count() == 0


def test_officer_imports_only_own_federations_documents(client, officer, issuers, fields):
    client.force_login(officer)
    workbook = sheet(row("9/KH-LĐLĐ", "Liên đoàn Lao động tỉnh Thanh Hóa"))
    response = post(client, workbook)
    assert "bạn không được đăng văn bản của cơ quan này" in response.content.decode()
    assert not Document.objects.exists()
    response = post(client, sheet(row("9/KH-LĐLĐ", "Liên đoàn Lao động huyện Thọ Xuân")))
    assert response.status_code == 302
    assert Document.objects.get().issuer == issuers["tho_xuan"]


def test_not_a_spreadsheet_and_missing_columns_are_explained(client, editor, issuers):
    client.force_login(editor)
    response = post(client, samples.upload("x.xlsx", b"not a zip"))
    assert "Không đọc được bảng tính" in response.content.decode()
    response = post(client, sheet(header=["Số ký hiệu", "Trích yếu"]))
    assert "Dòng tiêu đề thiếu cột: Loại văn bản, Cơ quan ban hành, Ngày ban hành" in (
        response.content.decode()
    )


def test_template_and_changelist_link(client, editor):
    client.force_login(editor)
    assert URL in client.get("/admin/documents/document/").content.decode()
    response = client.get(URL + "mau.xlsx")
    assert response.content.startswith(b"PK")
