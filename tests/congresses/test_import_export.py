"""Spreadsheet import/export: round trip, all-or-nothing, Vietnamese row errors, bad files."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from congresses.models import Congress, Organisation
from congresses.services import ImportFileError, export_congresses, import_congresses
from tests.factories import make_congress, make_union

from .spreadsheets import HEADERS, read_xlsx, xlsx

D = datetime.date


@pytest.fixture
def records(term, tho_xuan, dong_son, province):
    a = make_union(tho_xuan, "Trường Tiểu học Xuân Lập", member_count=34)
    make_congress(
        a,
        term,
        kind=Congress.Kind.MODEL,
        status=Congress.Status.HELD,
        held_on=D(2022, 11, 8),
        delegates_summoned=34,
        delegates_attending=32,
        executive_seats=5,
        inspection_committee_elected=False,
        assessment=Congress.Assessment.GOOD,
        motto="Đổi mới - Dân chủ - Đoàn kết - Phát triển",
    )
    b = make_union(dong_son, "Công ty TNHH Ống thép", grassroots_type="enterprise", member_count=95)
    make_congress(
        b,
        term,
        status=Congress.Status.NOT_REQUIRED,
        not_required_reason=Congress.NotRequiredReason.INTERIM_COMMITTEE,
    )
    make_congress(tho_xuan, term, ordinal="X", form=Congress.Form.DELEGATES)
    make_congress(province, term, ordinal="XX", form=Congress.Form.DELEGATES)


def snapshot():
    return sorted(
        Congress.objects.values_list(
            "organisation__name", "status", "held_on", "updated_at", "assessment", "kind"
        )
    ), sorted(Organisation.objects.values_list("name", "member_count", "grassroots_type"))


def row(**values):
    base = {"Mã LĐLĐ cấp trên": "THOXUAN", "Nhiệm kỳ": "2023-2028"}
    base.update(values)
    return base


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_export_then_reimport_changes_nothing(records, file_format):
    before = snapshot()
    content = export_congresses(file_format=file_format)
    report = import_congresses(content=content, filename=f"export.{file_format}")
    assert report.errors == []
    assert (report.total_rows, report.new, report.updated, report.skipped) == (4, 0, 0, 4)
    assert snapshot() == before


def test_export_columns_and_values(records):
    rows = read_xlsx(export_congresses())
    model = next(r for r in rows if r["Tên đơn vị"] == "Trường Tiểu học Xuân Lập")
    assert list(model) == HEADERS
    assert {k: model[k] for k in ("Mã LĐLĐ cấp trên", "Loại hình", "Số đoàn viên")} == {
        "Mã LĐLĐ cấp trên": "THOXUAN",
        "Loại hình": "Trường học",
        "Số đoàn viên": 34,
    }
    assert model["Loại đại hội"] == "Đại hội điểm"
    assert model["Tình trạng"] == "Đã tổ chức"
    assert model["Ngày tổ chức"].date() == D(2022, 11, 8)
    assert model["Bầu UBKT"] == "Không"
    assert model["Đánh giá"] == "Hoàn thành tốt"


def test_import_creates_unions_and_congresses(term, tho_xuan):
    content = xlsx(
        [
            row(
                **{
                    "Tên đơn vị": "Xã Xuân Hòa",
                    "Loại hình": "Xã, thị trấn",
                    "Số đoàn viên": 25,
                    "Tình trạng": "đã tổ chức",
                    "Ngày tổ chức": "20/02/2023",
                    "Số đại biểu triệu tập": 25,
                    "Số đại biểu có mặt": "24",
                    "Bầu UBKT": "Có",
                }
            ),
            row(**{"Tên đơn vị": "Trường Mầm non Xuân Lập", "Hạn tổ chức": "2023-03-31"}),
        ]
    )
    report = import_congresses(content=content, filename="thoxuan.xlsx")
    assert report.errors == []
    assert (report.new, report.updated) == (2, 0)
    union = Organisation.objects.get(name="Xã Xuân Hòa")
    assert (union.parent, union.grassroots_type, union.member_count) == (tho_xuan, "commune", 25)
    congress = union.congresses.get()
    assert (congress.status, congress.held_on, congress.delegates_attending) == (
        "held",
        D(2023, 2, 20),
        24,
    )
    assert congress.inspection_committee_elected is True
    planned = Congress.objects.get(organisation__name="Trường Mầm non Xuân Lập")
    assert (planned.status, planned.deadline, planned.kind) == (
        "planned",
        D(2023, 3, 31),
        "regular",
    )


def test_partly_wrong_file_saves_nothing_and_lists_each_row(records):
    before = snapshot()
    content = xlsx(
        [
            row(
                **{
                    "Tên đơn vị": "Xã Mới Một",
                    "Tình trạng": "Đã tổ chức",
                    "Ngày tổ chức": "01/03/2023",
                }
            ),
            row(
                **{
                    "Tên đơn vị": "Xã Mới Hai",
                    "Số đại biểu triệu tập": 10,
                    "Số đại biểu có mặt": 12,
                }
            ),
            row(**{"Tên đơn vị": "Xã Mới Ba", "Tình trạng": "Đã tổ chức"}),
            row(**{"Tên đơn vị": "Xã Mới Bốn", "Tình trạng": "Xong rồi"}),
            row(**{"Tên đơn vị": "Xã Mới Năm", "Ngày dự kiến": "32/13/2023"}),
            row(**{"Tên đơn vị": "Xã Mới Sáu", "Số đoàn viên": "nhiều"}),
            row(**{"Tên đơn vị": "Xã Mới Bảy", "Nhiệm kỳ": "2020-2025"}),
            row(**{"Mã LĐLĐ cấp trên": "KHONGCO", "Tên đơn vị": "Xã Mới Tám"}),
            row(
                **{
                    "Tên đơn vị": "Xã Mới Chín",
                    "Loại đại hội": "Đại hội điểm",
                    "Ngày dự kiến": "05/05/2031",
                }
            ),
            row(**{"Tên đơn vị": "Xã Mới Một"}),
        ]
    )
    report = import_congresses(content=content, filename="sai.xlsx")
    assert not report.saved
    assert report.errors == [
        "Dòng 3, cột “Số đại biểu có mặt”: Số đại biểu có mặt (12) không thể lớn hơn số triệu "
        "tập (10).",
        "Dòng 4, cột “Ngày tổ chức”: Đại hội đã tổ chức phải có ngày tổ chức.",
        "Dòng 5, cột “Tình trạng”: “Xong rồi” không hợp lệ; chọn một trong: “Chưa tổ chức”, "
        "“Đã tổ chức”, “Hoãn”, “Không phải tổ chức”.",
        "Dòng 6, cột “Ngày dự kiến”: “32/13/2023” không phải là ngày (viết theo dạng "
        "ngày/tháng/năm).",
        "Dòng 7, cột “Số đoàn viên”: “nhiều” không phải là số nguyên.",
        "Dòng 8, cột “Nhiệm kỳ”: Nhiệm kỳ “2020-2025” không có (viết như 2023-2028).",
        "Dòng 9, cột “Mã LĐLĐ cấp trên”: Không có công đoàn cấp trên nào mang mã “KHONGCO”.",
        "Dòng 10, cột “Ngày dự kiến”: Ngày dự kiến 05/05/2031 nằm ngoài khoảng thời gian của "
        "nhiệm kỳ 2023–2028 (từ 01/01/2022 đến 31/12/2028).",
        "Dòng 11, cột “Tên đơn vị”: “Xã Mới Một” nhiệm kỳ 2023–2028 đã có ở dòng 2 của tệp; "
        "mỗi đơn vị chỉ một dòng.",
    ]
    assert snapshot() == before
    assert not Organisation.objects.filter(name__startswith="Xã Mới").exists()


def test_dry_run_reports_but_saves_nothing(records):
    before = snapshot()
    content = xlsx([row(**{"Tên đơn vị": "Xã Thử"})])
    report = import_congresses(content=content, filename="thu.xlsx", dry_run=True)
    assert (report.ok, report.saved, report.new) == (True, False, 1)
    assert snapshot() == before


def test_update_changes_only_what_the_row_says(records):
    content = xlsx(
        [
            row(
                **{
                    "Tên đơn vị": "Trường Tiểu học Xuân Lập",
                    "Loại đại hội": "Đại hội điểm",
                    "Tình trạng": "Đã tổ chức",
                    "Ngày tổ chức": "08/11/2022",
                    "Số đoàn viên": 36,
                    "Chủ tịch được bầu": "Lê Thị Hoa",
                }
            )
        ],
        headers=[
            "Mã LĐLĐ cấp trên",
            "Tên đơn vị",
            "Nhiệm kỳ",
            "Loại đại hội",
            "Tình trạng",
            "Ngày tổ chức",
            "Số đoàn viên",
            "Chủ tịch được bầu",
        ],
    )
    report = import_congresses(content=content, filename="capnhat.xlsx")
    assert (report.errors, report.updated) == ([], 1)
    congress = Congress.objects.get(organisation__name="Trường Tiểu học Xuân Lập")
    assert (congress.chair_name, congress.assessment, congress.executive_seats) == (
        "Lê Thị Hoa",
        "good",
        5,
    )
    assert congress.organisation.member_count == 36


def test_wrong_file_type_is_refused(db):
    with pytest.raises(ImportFileError, match="không phải bảng tính .xlsx hoặc .csv"):
        import_congresses(content=b"%PDF-1.4", filename="baocao.pdf")


def test_malformed_xlsx_is_refused(db):
    with pytest.raises(ImportFileError, match="Không đọc được tệp “hong.xlsx”"):
        import_congresses(content=b"PK\x03\x04 not really a zip", filename="hong.xlsx")


def test_missing_columns_are_reported(term):
    content = xlsx([{"Tên": "Xã A"}], headers=["Tên"])
    report = import_congresses(content=content, filename="thieu.xlsx")
    assert report.errors == [
        "Lỗi tệp: Tệp thiếu cột: “Mã LĐLĐ cấp trên”, “Tên đơn vị”, “Nhiệm kỳ”. Hãy dùng tệp mẫu."
    ]


def test_blank_lines_are_ignored(term, tho_xuan):
    content = xlsx([row(**{"Tên đơn vị": "Xã A"}), {}, {}])
    report = import_congresses(content=content, filename="trong.xlsx")
    assert (report.errors, report.total_rows, report.new) == ([], 1, 1)


def test_officer_import_without_federation_column_uses_own_federation(officer_a, term):
    content = xlsx(
        [{"Tên đơn vị": "Xã A", "Nhiệm kỳ": "2023-2028"}], headers=["Tên đơn vị", "Nhiệm kỳ"]
    )
    report = import_congresses(content=content, filename="a.xlsx", user=officer_a)
    assert report.errors == []
    assert Organisation.objects.get(name="Xã A").parent.code == "THOXUAN"


def test_officer_export_is_limited_to_own_federation(officer_a, records):
    rows = read_xlsx(export_congresses(user=officer_a))
    assert [r["Tên đơn vị"] for r in rows] == [
        "Liên đoàn Lao động huyện Thọ Xuân",
        "Trường Tiểu học Xuân Lập",
    ]


def test_template_download_has_the_import_columns_and_no_row_of_data(client, db):
    response = client.get(reverse("congresses:import-template"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-lieu-dai-hoi.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Đại hội CĐCS", "Danh mục", "Hướng dẫn"]
    data = book["Đại hội CĐCS"]
    assert [c.value for c in data[1]] == HEADERS
    assert [row for row in data.iter_rows(min_row=2, values_only=True) if any(row)] == []
    assert book["Danh mục"].sheet_state == "hidden"


def test_template_offers_drop_downs_and_date_cells(client, db):
    book = load_workbook(io.BytesIO(client.get(reverse("congresses:import-template")).content))
    data = book["Đại hội CĐCS"]
    lists = book["Danh mục"]
    columns = {h: get_column_letter(i) for i, h in enumerate(HEADERS, 1)}
    validations = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
    status = validations[f"{columns['Tình trạng']}2:{columns['Tình trạng']}5001"]
    letter = status.split("!$")[1][0]
    labels = [c.value for c in lists[letter][1:] if c.value]
    assert labels == ["Chưa tổ chức", "Đã tổ chức", "Hoãn", "Không phải tổ chức"]
    assert len(validations) == 8
    assert data[f"{columns['Ngày tổ chức']}2"].number_format == "dd/mm/yyyy"


def test_template_imported_unchanged_changes_nothing(client, officer_a, records, tho_xuan):
    client.force_login(officer_a)
    make_union(tho_xuan, "Xã Chưa Có Đại Hội")
    response = client.get(reverse("admin:congresses_congress_template"))
    rows = read_xlsx(response.content)
    names = [r["Tên đơn vị"] for r in rows if r["Tên đơn vị"]]
    assert names == ["Trường Tiểu học Xuân Lập", "Xã Chưa Có Đại Hội"]
    before = snapshot()
    report = import_congresses(content=response.content, filename="mau.xlsx", user=officer_a)
    assert (report.errors, report.updated, report.skipped, report.new) == ([], 0, 2, 0)
    assert snapshot() == before


def test_command_imports_with_progress(tmp_path, term, tho_xuan, capsys):
    path = tmp_path / "thoxuan.xlsx"
    path.write_bytes(xlsx([row(**{"Tên đơn vị": f"Xã {n}"}) for n in range(40)]))
    call_command("import_congresses", str(path), "--federation", "THOXUAN")
    out = capsys.readouterr().out
    assert "40/40 dòng" in out
    assert "Đã nhập. 40 dòng: 40 mới, 0 cập nhật, 0 không đổi." in out
    assert Organisation.objects.grassroots().count() == 40


def test_command_dry_run_saves_nothing(tmp_path, term, tho_xuan, capsys):
    path = tmp_path / "thoxuan.xlsx"
    path.write_bytes(xlsx([row(**{"Tên đơn vị": "Xã A"})]))
    call_command("import_congresses", str(path), "--dry-run")
    assert "Chạy thử hợp lệ, chưa lưu." in capsys.readouterr().out
    assert not Organisation.objects.grassroots().exists()


def test_command_refuses_rows_of_another_federation(tmp_path, term, tho_xuan, dong_son, capsys):
    path = tmp_path / "lan.xlsx"
    path.write_bytes(
        xlsx(
            [
                row(**{"Tên đơn vị": "Xã A"}),
                row(**{"Mã LĐLĐ cấp trên": "DONGSON", "Tên đơn vị": "Xã B"}),
            ]
        )
    )
    with pytest.raises(CommandError, match="Tệp có 1 lỗi; không dòng nào được lưu"):
        call_command("import_congresses", str(path), "--federation", "THOXUAN")
    assert (
        "Dòng 3, cột “Mã LĐLĐ cấp trên”: Dòng này thuộc “Liên đoàn Lao động huyện Đông Sơn”"
        in capsys.readouterr().err
    )
    assert not Organisation.objects.grassroots().exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/khong/co/tep.xlsx"], "Không tìm thấy tệp"),
        (
            ["{tmp}/a.xlsx", "--federation", "NOPE"],
            "Không có công đoàn cấp trên nào mang mã “NOPE”",
        ),
        (["{tmp}/a.txt"], "không phải bảng tính .xlsx hoặc .csv"),
    ],
)
def test_command_errors_are_readable(tmp_path, term, args, message):
    (tmp_path / "a.xlsx").write_bytes(xlsx([]))
    (tmp_path / "a.txt").write_text("xin chào")
    with pytest.raises(CommandError, match=message):
        call_command("import_congresses", *[a.format(tmp=tmp_path) for a in args])
