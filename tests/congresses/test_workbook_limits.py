"""Files over the reading limits are refused before any cell is loaded, in Vietnamese."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from congresses import workbooks
from congresses.models import Organisation
from congresses.services import ImportFileError, import_congresses
from congresses.workbooks import read_sheet

from .spreadsheets import dimension_bomb, rewrite_xlsx, xlsx


def _refusal(content: bytes, filename: str = "tep.xlsx") -> str:
    with pytest.raises(ImportFileError) as info:
        import_congresses(content=content, filename=filename, dry_run=True)
    return str(info.value)


def test_dimension_bomb_is_refused_from_its_declaration(db):
    content = dimension_bomb()
    assert len(content) < 10_000
    assert _refusal(content, "bom.xlsx") == (
        "Bảng tính trong tệp “bom.xlsx” khai báo vùng dữ liệu A1:XFD1048576 (1.048.576 dòng, "
        "16.384 cột). Tệp nhập chỉ nhận tối đa 5.000 dòng và 60 cột; hãy xóa các dòng, cột "
        "thừa hoặc chép dữ liệu sang tệp mẫu."
    )


def test_too_many_declared_columns_is_refused(db):
    assert "(2 dòng, 61 cột)" in _refusal(dimension_bomb("A1:BI2"))


def test_a_declaration_at_the_limit_is_read(db, term, tho_xuan):
    sheet = read_sheet(content=dimension_bomb("A1:BH5001"), filename="a.xlsx")
    assert [row[: len(sheet.headers)][:1] for row in sheet.rows] == [(None,)]


def test_shared_strings_bomb_is_refused(db):
    strings = b"<sst>" + b"<si><t>x</t></si>" * 500_000 + b"</sst>"
    content = rewrite_xlsx(xlsx([{"Tên đơn vị": "Xã A"}]), **{"xl__sharedStrings.xml": strings})
    assert len(content) < 100_000
    assert _refusal(content, "chu.xlsx").startswith(
        "Phần chữ của tệp “chu.xlsx” chiếm 8 MB, vượt giới hạn 6 MB."
    )


def test_unzipped_size_is_refused(db):
    filler = {f"xl__media__anh{n}.bin": b"\0" * (6 * 1024 * 1024 - 1) for n in range(5)}
    content = rewrite_xlsx(xlsx([{"Tên đơn vị": "Xã A"}]), **filler)
    assert _refusal(content, "to.xlsx").startswith(
        "Tệp “to.xlsx” khi giải nén chiếm 30 MB, vượt giới hạn 25 MB."
    )


def test_more_rows_than_the_limit_without_a_declaration_is_refused(db, monkeypatch):
    monkeypatch.setattr(workbooks, "MAX_ROWS", 50)
    content = rewrite_xlsx(
        xlsx([{"Tên đơn vị": f"Xã {n}", "Nhiệm kỳ": "2023-2028"} for n in range(60)]),
        **{
            "xl__worksheets__sheet1.xml": lambda xml: xml.replace(
                b'<dimension ref="A1:X61" />', b""
            )
        },
    )
    assert _refusal(content, "dai.xlsx").startswith("Tệp “dai.xlsx” có hơn 51 dòng")


def test_csv_with_too_many_rows_is_refused(db, monkeypatch):
    monkeypatch.setattr(workbooks, "MAX_ROWS", 10)
    text = "Tên đơn vị,Nhiệm kỳ\n" + "".join(f"Xã {n},2023-2028\n" for n in range(11))
    assert _refusal(text.encode(), "dai.csv").startswith("Tệp “dai.csv” có hơn 11 dòng")


def test_csv_not_in_utf8_is_refused(db):
    content = "Tên đơn vị,Nhiệm kỳ\nXã Xuân Hòa,2023-2028\n".encode("cp1258", "replace")
    assert _refusal(content, "cu.csv").startswith("Tệp “cu.csv” không phải văn bản UTF-8.")


def test_oversized_upload_is_refused_without_reading(db):
    assert _refusal(b"PK" + b"\0" * (5 * 1024 * 1024 + 1), "nang.xlsx").startswith(
        "Tệp “nang.xlsx” nặng 5 MB, vượt giới hạn 5 MB."
    )


def test_not_a_zip_is_refused(db):
    assert _refusal(b"PK\x03\x04 not really a zip", "hong.xlsx") == (
        "Không đọc được tệp “hong.xlsx”: tệp hỏng hoặc không phải bảng tính .xlsx."
    )


def test_row_numbers_are_the_spreadsheets_own(db):
    book = Workbook()
    sheet = book.active
    sheet.append(["Tên đơn vị", "Nhiệm kỳ"])
    sheet.append(["Xã A", "2023-2028"])
    sheet.append([None, None])
    sheet.append(["   ", None])
    sheet.append(["Xã B", "2023-2028"])
    sheet.cell(row=9, column=1, value="Xã C")
    buffer = io.BytesIO()
    book.save(buffer)
    read = read_sheet(content=buffer.getvalue(), filename="a.xlsx")
    assert read.numbers == [2, 5, 9]
    assert [row[0] for row in read.rows] == ["Xã A", "Xã B", "Xã C"]


def test_names_are_read_in_nfc(db):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Trường Tiểu học Xuân Lập")
    read = read_sheet(content=xlsx([{"Tên đơn vị": nfd}]), filename="a.xlsx")
    name = read.rows[0][read.headers.index("Tên đơn vị")]
    assert name == unicodedata.normalize("NFC", nfd) != nfd


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (dimension_bomb(), "bom.xlsx", "khai báo vùng dữ liệu A1:XFD1048576"),
        (b"PK\x03\x04 hong", "hong.xlsx", "tệp hỏng hoặc không phải bảng tính .xlsx"),
        (b"%PDF-1.4", "baocao.pdf", "không phải bảng tính .xlsx hoặc .csv"),
    ],
)
def test_admin_shows_the_refusal_on_the_form(client, officer_a, term, content, filename, message):
    client.force_login(officer_a)
    response = client.post(
        reverse("admin:congresses_congress_import"),
        {"import_file": SimpleUploadedFile(filename, content)},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Traceback" not in response.content.decode()
    assert not Organisation.objects.grassroots().exists()


def test_excel_date_cells_are_dates(term, tho_xuan):
    content = xlsx(
        [
            {
                "Mã LĐLĐ cấp trên": "THOXUAN",
                "Tên đơn vị": "Xã A",
                "Nhiệm kỳ": "2023-2028",
                "Tình trạng": "Đã tổ chức",
                "Ngày tổ chức": datetime.datetime(2023, 2, 20),
            }
        ]
    )
    report = import_congresses(content=content, filename="a.xlsx")
    assert report.errors == []
    assert Organisation.objects.get(name="Xã A").congresses.get().held_on == datetime.date(
        2023, 2, 20
    )


def test_excel_serial_numbers_in_date_columns_are_dates(term, tho_xuan):
    content = xlsx(
        [
            {
                "Mã LĐLĐ cấp trên": "THOXUAN",
                "Tên đơn vị": "Xã A",
                "Nhiệm kỳ": "2023-2028",
                "Tình trạng": "Đã tổ chức",
                "Ngày tổ chức": 44883,
            }
        ]
    )
    report = import_congresses(content=content, filename="a.xlsx")
    assert report.errors == []
    assert Organisation.objects.get(name="Xã A").congresses.get().held_on == datetime.date(
        2022, 11, 18
    )
