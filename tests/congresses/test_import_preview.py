"""The admin's import: a preview that says what will happen, a confirm that says what did."""

import csv
import io
import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from congresses import pending
from congresses.models import Organisation
from congresses.services import export_congresses, import_congresses
from tests.factories import make_congress, make_union

from .spreadsheets import xlsx

IMPORT = "admin:congresses_congress_import"
CONFIRM = "admin:congresses_congress_process_import"


def _row(name, **values):
    return {"Tên đơn vị": name, "Nhiệm kỳ": "2023-2028", **values}


def _upload(client, content, name="a.xlsx"):
    return client.post(reverse(IMPORT), {"import_file": SimpleUploadedFile(name, content)})


def _confirm_data(response):
    confirm = response.context["confirm_form"]
    return {name: confirm.initial[name] for name in confirm.fields}


@pytest.fixture
def existing(term, tho_xuan):
    same = make_union(tho_xuan, "Trường Mầm non Xuân Lập", member_count=20)
    make_congress(same, term)
    changed = make_union(tho_xuan, "Xã Xuân Hòa", member_count=30)
    make_congress(changed, term)


def test_preview_lists_every_row_with_name_federation_and_what_happens(client, officer_a, existing):
    client.force_login(officer_a)
    content = xlsx(
        [
            _row("Trường Mầm non Xuân Lập", **{"Số đoàn viên": 20}),
            _row("Xã Xuân Hòa", **{"Số đoàn viên": 31}),
            _row("Xã Thọ Lập"),
        ]
    )
    response = _upload(client, content)
    rows = [(r.number, r.name, r.federation, r.action) for r in response.context["report"].rows]
    assert rows == [
        (2, "Trường Mầm non Xuân Lập", "Liên đoàn Lao động huyện Thọ Xuân", "không đổi"),
        (3, "Xã Xuân Hòa", "Liên đoàn Lao động huyện Thọ Xuân", "cập nhật"),
        (4, "Xã Thọ Lập", "Liên đoàn Lao động huyện Thọ Xuân", "mới"),
    ]
    html = response.content.decode()
    assert "<td>Xã Thọ Lập <span" in html and "<td>cập nhật</td>" in html


def test_errors_are_inline_with_the_spreadsheets_row_number_and_vietnamese_column(
    client, officer_a, term
):
    client.force_login(officer_a)
    content = xlsx([_row("Xã A"), {}, {}, _row("Xã B", **{"Số đại biểu có mặt": "nhiều"})])
    response = _upload(client, content)
    report = response.context["report"]
    assert report.errors == ["Dòng 5, cột “Số đại biểu có mặt”: “nhiều” không phải là số nguyên."]
    html = response.content.decode()
    assert "<li>Cột “Số đại biểu có mặt”: “nhiều” không phải là số nguyên.</li>" in html
    assert "delegates_attending" not in html
    assert response.context["confirm_form"] is None


def test_missing_columns_give_a_message_not_a_traceback(client, officer_a, term):
    client.force_login(officer_a)
    response = _upload(client, xlsx([{"Tên": "Xã A"}], headers=["Tên"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lỗi tệp: Tệp thiếu cột: “Tên đơn vị”, “Nhiệm kỳ”. Hãy dùng tệp mẫu." in html
    assert "Traceback" not in html and "site-packages" not in html


def test_pending_import_belongs_to_its_uploader(client, officer_a, django_user_model, term):
    client.force_login(officer_a)
    data = _confirm_data(_upload(client, xlsx([_row("Xã A")])))
    other = django_user_model.objects.create_superuser("tinh", "t@example.com", "x")
    client.force_login(other)
    response = client.post(reverse(CONFIRM), data, follow=True)
    assert "Tệp chờ nhập không còn" in response.content.decode()
    assert not Organisation.objects.grassroots().exists()
    client.force_login(officer_a)
    assert client.post(reverse(CONFIRM), data).status_code == 302
    assert Organisation.objects.grassroots().get().name == "Xã A"


def test_confirmed_file_is_removed_and_cannot_be_imported_twice(client, officer_a, term, settings):
    client.force_login(officer_a)
    data = _confirm_data(_upload(client, xlsx([_row("Xã A")])))
    assert len(os.listdir(settings.CONGRESS_IMPORT_DIR)) == 1
    client.post(reverse(CONFIRM), data)
    assert os.listdir(settings.CONGRESS_IMPORT_DIR) == []
    response = client.post(reverse(CONFIRM), data, follow=True)
    assert "Tệp chờ nhập không còn" in response.content.decode()


def test_pending_import_expires_after_an_hour(client, officer_a, term, settings):
    client.force_login(officer_a)
    data = _confirm_data(_upload(client, xlsx([_row("Xã A")])))
    (path,) = [settings.CONGRESS_IMPORT_DIR / n for n in os.listdir(settings.CONGRESS_IMPORT_DIR)]
    hour_ago = time.time() - pending.EXPIRES - 1
    os.utime(path, (hour_ago, hour_ago))
    response = client.post(reverse(CONFIRM), data, follow=True)
    assert "Tệp chờ nhập không còn" in response.content.decode()
    assert not path.exists()
    assert not Organisation.objects.grassroots().exists()


def test_a_rolled_back_confirm_says_so(client, officer_a, term, tho_xuan):
    client.force_login(officer_a)
    data = _confirm_data(_upload(client, xlsx([_row("Xã A"), _row("Xã B")])))
    # What was previewed no longer holds when confirmed (here: the kept file is another one
    # whose second row fails): the first row is rolled back with it, and the page says so.
    (path,) = list(pending._directory().glob("*"))
    path.write_bytes(xlsx([_row("Xã A"), _row("Xã B", **{"Tình trạng": "Đã tổ chức"})]))
    response = client.post(reverse(CONFIRM), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mọi thay đổi đã được hoàn tác, không dòng nào được lưu" in html
    assert "Cột “Ngày tổ chức”: Đại hội đã tổ chức phải có ngày tổ chức." in html
    assert "Đã nhập xong" not in html
    assert not Organisation.objects.grassroots().exists()


def test_confirm_says_what_was_done(client, officer_a, term):
    client.force_login(officer_a)
    data = _confirm_data(_upload(client, xlsx([_row("Xã A")])))
    response = client.post(reverse(CONFIRM), data, follow=True)
    assert "Đã nhập xong “a.xlsx”: 1 mới, 0 cập nhật, 0 không đổi." in response.content.decode()


FORMULAS = ['=HYPERLINK("http://x","bấm")', "+1+2", "-3+4", "@SUM(A1)"]


@pytest.mark.parametrize("name", FORMULAS)
def test_import_refuses_names_a_spreadsheet_would_run(term, tho_xuan, name):
    content = (
        "Mã LĐLĐ cấp trên,Tên đơn vị,Nhiệm kỳ\n"
        + f'THOXUAN,"{name.replace(chr(34), chr(34) * 2)}",2023-2028\n'
    )
    report = import_congresses(content=content.encode(), filename="a.csv")
    assert len(report.errors) == 1
    assert report.errors[0].startswith(
        f"Dòng 2, cột “Tên đơn vị”: Tên đơn vị “{name[:40]}” bắt đầu"
    )
    assert not Organisation.objects.grassroots().exists()


def test_import_refuses_a_formula_cell_in_xlsx(term, tho_xuan):
    content = xlsx([{"Mã LĐLĐ cấp trên": "THOXUAN", **_row('=HYPERLINK("http://x","a")')}])
    report = import_congresses(content=content, filename="a.xlsx")
    assert "bảng tính sẽ coi là công thức" in report.errors[0]


@pytest.mark.parametrize("name", [*FORMULAS, "\tTab", "\rCR"])
def test_export_prefixes_formula_text_with_an_apostrophe(term, tho_xuan, name):
    union = make_union(tho_xuan, "Xã A")
    Organisation.objects.filter(pk=union.pk).update(name=name)
    make_congress(union, term, chair_name=name)
    sheet = load_workbook(io.BytesIO(export_congresses(file_format="xlsx"))).active
    # XML turns a lone CR into LF when the file is read back; the apostrophe is what matters.
    wanted = {"'" + name, "'" + name.replace("\r", "\n")}
    cells = [c for row in sheet.iter_rows() for c in row if c.value in wanted]
    assert len(cells) == 2
    assert all(c.data_type == "s" for c in cells)
    text = export_congresses(file_format="csv").decode("utf-8")
    assert text.startswith("\ufeff")
    values = [v for row in csv.reader(io.StringIO(text[1:], newline="")) for v in row]
    assert values.count("'" + name) == 2
