"""An import never makes a second union for a name a person would call the same one."""

import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congresses.models import Congress, Organisation
from congresses.names import match_key, similar
from congresses.services import export_congresses, import_congresses
from tests.factories import make_congress, make_union

from .spreadsheets import read_xlsx, xlsx

REAL = "Trường Tiểu học Xuân Lập"


@pytest.mark.parametrize(
    "typed",
    [
        REAL,
        unicodedata.normalize("NFD", REAL),
        "  trường  tiểu HỌC   xuân lập ",
        "Truong Tieu hoc Xuan Lap",
        "Công đoàn cơ sở Trường tiểu học Xuân Lập",
        "CĐCS Trường Tiểu học Xuân Lập",
        "CĐ Trường TH Xuân Lập",
        "TH Xuân Lập",
        "Trường TH Xuân Lập",
        unicodedata.normalize("NFD", "CĐCS trường TH Xuân Lập"),
    ],
)
def test_match_key_folds_what_a_person_would_not_notice(typed):
    assert match_key(typed) == "truong tieu hoc xuan lap"


def test_match_key_writes_out_the_usual_abbreviations():
    assert match_key("Trường THCS Nhữ Bá Sỹ") == match_key("Trường Trung học cơ sở Nhữ Bá Sỹ")
    assert match_key("THPT Lê Lợi") == match_key("Trường trung học phổ thông Lê Lợi")
    assert match_key("UBND xã Xuân Hòa") == match_key("Ủy ban nhân dân xã Xuân Hòa")
    assert match_key("Cty TNHH Ống thép") == match_key("Công ty TNHH Ống thép")
    assert match_key("LĐLĐ huyện Thọ Xuân") == match_key("Liên đoàn Lao động huyện Thọ Xuân")
    assert match_key("Trường THCS Xuân Lập") != match_key("Trường THPT Xuân Lập")


def test_similar_names_are_found_but_not_equal_ones():
    existing = {match_key(REAL): REAL, match_key("Xã Xuân Hòa"): "Xã Xuân Hòa"}
    assert similar(match_key("Trường Tiểu học Xuân Lậo"), existing) == [REAL]
    assert similar(match_key(REAL), existing) == []
    assert similar(match_key("Trường Mầm non Thọ Lập"), existing) == []


@pytest.fixture
def xuan_lap(term, tho_xuan):
    union = make_union(tho_xuan, REAL, member_count=34)
    make_congress(union, term)
    return union


def _row(name, **values):
    return {"Mã LĐLĐ cấp trên": "THOXUAN", "Tên đơn vị": name, "Nhiệm kỳ": "2023-2028", **values}


@pytest.mark.parametrize(
    "typed",
    [
        unicodedata.normalize("NFD", REAL),
        "Công đoàn cơ sở Trường tiểu học Xuân Lập",
        "CĐCS Trường TH Xuân Lập",
        "truong tieu hoc xuan lap",
    ],
)
def test_import_updates_the_existing_union_instead_of_making_a_phantom(xuan_lap, typed):
    content = xlsx([_row(typed, **{"Số đoàn viên": 40})])
    report = import_congresses(content=content, filename="a.xlsx")
    assert (report.errors, report.new, report.updated) == ([], 0, 1)
    assert list(Organisation.objects.grassroots().values_list("name", "member_count")) == [
        (REAL, 40)
    ]
    assert Congress.objects.filter(organisation=xuan_lap).count() == 1


def test_new_names_are_stored_as_typed_in_nfc(term, tho_xuan):
    typed = unicodedata.normalize("NFD", "  Trường Mầm non   Xuân Lập ")
    report = import_congresses(content=xlsx([_row(typed)]), filename="a.xlsx")
    assert report.errors == []
    assert Organisation.objects.grassroots().get().name == "Trường Mầm non Xuân Lập"


def test_near_duplicate_is_held_back_until_ticked(xuan_lap, tmp_path, capsys):
    content = xlsx([_row("Trường Tiểu học Xuân Lậo"), _row("Xã Xuân Hòa")])
    report = import_congresses(content=content, filename="a.xlsx")
    assert (report.errors, report.new, report.held) == ([], 1, 1)
    held = report.held_rows[0]
    assert (held.number, held.name, held.similar) == (2, "Trường Tiểu học Xuân Lậo", [REAL])
    assert sorted(Organisation.objects.grassroots().values_list("name", flat=True)) == [
        REAL,
        "Xã Xuân Hòa",
    ]
    report = import_congresses(content=content, filename="a.xlsx", accept_similar=frozenset({2}))
    assert (report.errors, report.new, report.held) == ([], 1, 0)
    assert Organisation.objects.grassroots().count() == 3


def test_command_holds_back_near_duplicates_and_creates_them_when_told(xuan_lap, tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "a.xlsx"
    path.write_bytes(xlsx([_row("Trường Tiểu học Xuân Lậo")]))
    call_command("import_congresses", str(path))
    captured = capsys.readouterr()
    assert "Dòng 2: giữ lại “Trường Tiểu học Xuân Lậo”, có thể trùng với: " + REAL in captured.err
    assert "1 dòng giữ lại." in captured.out
    call_command("import_congresses", str(path), "--tao-moi", "2")
    assert Organisation.objects.grassroots().count() == 2


def test_admin_preview_offers_a_tick_for_a_near_duplicate(client, officer_a, xuan_lap):
    client.force_login(officer_a)
    content = xlsx([_row("Trường Tiểu học Xuân Lậo")])
    response = client.post(
        reverse("admin:congresses_congress_import"),
        {"import_file": SimpleUploadedFile("a.xlsx", content)},
    )
    html = response.content.decode()
    assert "Có thể trùng với: Trường Tiểu học Xuân Lập" in html
    assert '<input type="checkbox" name="accept_similar" value="2">' in html
    confirm = response.context["confirm_form"]
    data = {name: confirm.initial[name] for name in confirm.fields}
    client.post(reverse("admin:congresses_congress_process_import"), data)
    assert Organisation.objects.grassroots().count() == 1  # not ticked: not created
    response = client.post(
        reverse("admin:congresses_congress_import"),
        {"import_file": SimpleUploadedFile("a.xlsx", content)},
    )
    confirm = response.context["confirm_form"]
    data = {name: confirm.initial[name] for name in confirm.fields} | {"accept_similar": ["2"]}
    client.post(reverse("admin:congresses_congress_process_import"), data)
    assert Organisation.objects.grassroots().count() == 2


def test_union_code_wins_over_the_name(term, tho_xuan, dong_son):
    union = make_union(tho_xuan, REAL)
    union.code = "TX-TH-XL"
    union.save()
    make_union(tho_xuan, "Trường Tiểu học Thọ Lập")
    content = xlsx(
        [_row("Trường Tiểu học Thọ Lập", **{"Mã đơn vị": "tx-th-xl", "Số đoàn viên": 9})]
    )
    report = import_congresses(content=content, filename="a.xlsx")
    assert report.errors == []
    union.refresh_from_db()
    assert union.member_count == 9
    assert Organisation.objects.get(name="Trường Tiểu học Thọ Lập").member_count is None


def test_union_code_of_another_federation_is_refused(term, tho_xuan, dong_son):
    other = make_union(dong_son, "Trường THCS Nhữ Bá Sỹ")
    other.code = "DS-THCS"
    other.save()
    content = xlsx([_row("Trường THCS Nhữ Bá Sỹ", **{"Mã đơn vị": "DS-THCS"})])
    report = import_congresses(content=content, filename="a.xlsx")
    assert report.errors == [
        "Dòng 2, cột “Mã đơn vị”: Mã đơn vị “DS-THCS” là của “Trường THCS Nhữ Bá Sỹ”, không "
        "thuộc “Liên đoàn Lao động huyện Thọ Xuân”."
    ]


def test_export_then_import_keeps_codes(term, tho_xuan):
    union = make_union(tho_xuan, REAL)
    union.code = "TX-TH-XL"
    union.save()
    make_congress(union, term)
    rows = read_xlsx(export_congresses())
    assert rows[0]["Mã đơn vị"] == "TX-TH-XL"
