"""The boundary between two districts in the admin: list, view, change, delete, export, import."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congresses.models import Congress, Organisation, StaffAssignment
from congresses.resources import CongressResource
from tests.factories import make_congress, make_union

from .spreadsheets import read_xlsx, xlsx

D = datetime.date
CHANGELIST = "admin:congresses_congress_changelist"


@pytest.fixture
def records(term, tho_xuan, dong_son):
    a = make_union(tho_xuan, "Trường Tiểu học Xuân Lập", member_count=34)
    b = make_union(dong_son, "Trường THCS Nhữ Bá Sỹ", member_count=38)
    return {
        "union_a": a,
        "union_b": b,
        "congress_a": make_congress(a, term, status=Congress.Status.HELD, held_on=D(2022, 11, 8)),
        "congress_b": make_congress(b, term, delegates_summoned=38),
    }


def congress_post_data(congress, **changes):
    data = {
        "organisation": congress.organisation_id,
        "term": congress.term_id,
        "level": congress.level,
        "kind": congress.kind,
        "ordinal": congress.ordinal,
        "form": congress.form,
        "meeting_type": congress.meeting_type,
        "status": congress.status,
        "not_required_reason": congress.not_required_reason,
        "deadline": "",
        "planned_on": "",
        "held_on": congress.held_on.strftime("%d/%m/%Y") if congress.held_on else "",
        "delegates_summoned": congress.delegates_summoned or "",
        "delegates_attending": congress.delegates_attending or "",
        "executive_seats": "",
        "chair_name": "",
        "inspection_committee_elected": "unknown",
        "higher_delegates_elected": "",
        "assessment": "",
        "motto": "",
        "notes": "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_group_exists_with_exact_name(db):
    group = Group.objects.get(name="Cán bộ LĐLĐ huyện")
    assert set(group.permissions.values_list("codename", flat=True)) >= {
        "view_congress",
        "change_congress",
        "add_organisation",
    }


def test_officer_lists_only_own_federation(client, officer_a, records):
    client.force_login(officer_a)
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    assert [c.pk for c in response.context["cl"].result_list] == [records["congress_a"].pk]
    response = client.get(reverse("admin:congresses_organisation_changelist"))
    names = {o.name for o in response.context["cl"].result_list}
    assert names == {"Liên đoàn Lao động huyện Thọ Xuân", "Trường Tiểu học Xuân Lập"}


def test_province_officer_lists_every_federation(client, province_officer, records):
    client.force_login(province_officer)
    response = client.get(reverse(CHANGELIST))
    assert {c.pk for c in response.context["cl"].result_list} == {
        records["congress_a"].pk,
        records["congress_b"].pk,
    }


def test_officer_cannot_open_another_federations_congress(client, officer_a, records):
    client.force_login(officer_a)
    other = records["congress_b"]
    response = client.get(reverse("admin:congresses_congress_change", args=[other.pk]))
    assert response.status_code == 302  # Django's "does not exist" redirect, nothing shown
    assert response["Location"] == reverse("admin:index")
    response = client.get(reverse("admin:congresses_congress_history", args=[other.pk]))
    assert response.status_code in (302, 403, 404)


def test_crafted_change_post_to_another_federations_congress_is_not_saved(
    client, officer_a, records
):
    client.force_login(officer_a)
    other = records["congress_b"]
    data = congress_post_data(other, chair_name="Kẻ lạ", delegates_summoned="99")
    response = client.post(reverse("admin:congresses_congress_change", args=[other.pk]), data)
    assert response.status_code == 302
    other.refresh_from_db()
    assert (other.chair_name, other.delegates_summoned) == ("", 38)


def test_crafted_add_post_with_another_federations_union_is_a_form_error(
    client, officer_a, records, term
):
    client.force_login(officer_a)
    intruder = make_union(records["union_b"].parent, "Xã Đông Hòa")
    data = congress_post_data(records["congress_a"], organisation=intruder.pk, status="planned")
    data["held_on"] = ""
    response = client.post(reverse("admin:congresses_congress_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["organisation"]
    assert not Congress.objects.filter(organisation=intruder).exists()


def test_moving_own_congress_to_another_federation_is_refused(client, officer_a, records):
    client.force_login(officer_a)
    own = records["congress_a"]
    intruder = make_union(records["union_b"].parent, "Xã Đông Hòa")
    data = congress_post_data(own, organisation=intruder.pk)
    response = client.post(reverse("admin:congresses_congress_change", args=[own.pk]), data)
    assert response.status_code == 200
    assert "organisation" in response.context["adminform"].form.errors
    own.refresh_from_db()
    assert own.organisation_id == records["union_a"].pk


def test_officer_can_edit_own_congress(client, officer_a, records):
    client.force_login(officer_a)
    own = records["congress_a"]
    data = congress_post_data(own, chair_name="Lê Thị Hoa", executive_seats="5")
    response = client.post(reverse("admin:congresses_congress_change", args=[own.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    own.refresh_from_db()
    assert (own.chair_name, own.executive_seats) == ("Lê Thị Hoa", 5)
    assert own.held_on == D(2022, 11, 8)  # typed 08/11/2022: day first, as in Vietnam


def test_admin_form_shows_vietnamese_validation_message(client, officer_a, records):
    client.force_login(officer_a)
    own = records["congress_a"]
    data = congress_post_data(own, delegates_summoned="20", delegates_attending="25")
    response = client.post(reverse("admin:congresses_congress_change", args=[own.pk]), data)
    assert response.context["adminform"].form.errors["delegates_attending"] == [
        "Số đại biểu có mặt (25) không thể lớn hơn số triệu tập (20)."
    ]


def test_officer_cannot_delete_another_federations_congress(client, officer_a, records):
    client.force_login(officer_a)
    other = records["congress_b"]
    response = client.post(
        reverse("admin:congresses_congress_delete", args=[other.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    response = client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"},
    )
    assert Congress.objects.filter(pk=other.pk).exists()


def test_officer_can_delete_own_congress(client, officer_a, records):
    client.force_login(officer_a)
    own = records["congress_a"]
    response = client.post(
        reverse("admin:congresses_congress_delete", args=[own.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Congress.objects.filter(pk=own.pk).exists()


def test_officer_cannot_create_union_under_another_federation(client, officer_a, records):
    client.force_login(officer_a)
    data = {
        "name": "CĐCS lạ",
        "code": "",
        "level": "grassroots",
        "parent": records["union_b"].parent_id,
        "grassroots_type": "school",
        "federation_kind": "",
        "member_count": "10",
    }
    response = client.post(reverse("admin:congresses_organisation_add"), data)
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    assert not Organisation.objects.filter(name="CĐCS lạ").exists()

    data["parent"] = records["union_a"].parent_id
    response = client.post(reverse("admin:congresses_organisation_add"), data)
    assert response.status_code == 302
    assert Organisation.objects.get(name="CĐCS lạ").parent_id == records["union_a"].parent_id


def test_officer_cannot_change_own_federation_or_other_unions(client, officer_a, records):
    client.force_login(officer_a)
    federation = records["union_a"].parent
    response = client.post(
        reverse("admin:congresses_organisation_change", args=[federation.pk]),
        {"name": "Đổi tên", "level": "federation", "federation_kind": "district"},
    )
    assert response.status_code == 403
    federation.refresh_from_db()
    assert federation.name == "Liên đoàn Lao động huyện Thọ Xuân"
    other = records["union_b"]
    response = client.get(reverse("admin:congresses_organisation_change", args=[other.pk]))
    assert response.status_code == 302
    response = client.post(
        reverse("admin:congresses_organisation_delete", args=[other.pk]), {"post": "yes"}
    )
    assert Organisation.objects.filter(pk=other.pk).exists()


def test_autocomplete_offers_only_own_unions(client, officer_a, records):
    client.force_login(officer_a)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "congresses",
            "model_name": "congress",
            "field_name": "organisation",
            "term": "Trường",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Trường Tiểu học Xuân Lập"]


def export_post_data():
    data = {"format": "0", "resource": "0"}
    for name in CongressResource().get_export_order():
        data[f"congressresource_{name}"] = "on"
    return data


def test_export_contains_only_own_federation(client, officer_a, records):
    client.force_login(officer_a)
    response = client.post(reverse("admin:congresses_congress_export"), export_post_data())
    assert response.status_code == 200
    rows = read_xlsx(response.content)
    assert [(r["Mã LĐLĐ cấp trên"], r["Tên đơn vị"]) for r in rows] == [
        ("THOXUAN", "Trường Tiểu học Xuân Lập")
    ]


def test_export_selected_other_federation_rows_gives_nothing(client, officer_a, records):
    client.force_login(officer_a)
    data = export_post_data()
    data["export_items"] = [records["congress_b"].pk]
    response = client.post(reverse("admin:congresses_congress_export"), data)
    # The other district's id is not a valid choice: the form comes back, no file.
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "export_items" in response.context["form"].errors


def test_csv_export(client, province_officer, records):
    client.force_login(province_officer)
    data = export_post_data()
    data["format"] = "1"
    response = client.post(reverse("admin:congresses_congress_export"), data)
    text = response.content.decode("utf-8")
    # A byte-order mark first, so Excel on Windows reads the Vietnamese as UTF-8.
    assert text.splitlines()[0].startswith("\ufeffMã LĐLĐ cấp trên,Tên đơn vị,Mã đơn vị,Loại hình")
    assert "DONGSON,Trường THCS Nhữ Bá Sỹ,,Trường học,38,2023-2028" in text


def test_import_rows_of_another_federation_are_refused_and_nothing_saved(
    client, officer_a, records
):
    client.force_login(officer_a)
    content = xlsx(
        [
            {"Mã LĐLĐ cấp trên": "THOXUAN", "Tên đơn vị": "Xã Xuân Hòa", "Nhiệm kỳ": "2023-2028"},
            {
                "Mã LĐLĐ cấp trên": "DONGSON",
                "Tên đơn vị": "Trường THCS Nhữ Bá Sỹ",
                "Nhiệm kỳ": "2023-2028",
                "Tình trạng": "Không phải tổ chức",
                "Lý do không phải tổ chức": "Giải thể",
            },
        ]
    )
    upload = SimpleUploadedFile("thoxuan.xlsx", content)
    response = client.post(reverse("admin:congresses_congress_import"), {"import_file": upload})
    assert response.status_code == 200
    assert not response.context["report"].ok
    assert response.context["confirm_form"] is None
    html = response.content.decode()
    assert "Có dòng không hợp lệ; không dòng nào được lưu" in html
    assert "Bạn không được nhập dữ liệu của “Liên đoàn Lao động huyện Đông Sơn”" in html
    assert "None" not in html
    assert not Organisation.objects.filter(name="Xã Xuân Hòa").exists()
    records["congress_b"].refresh_from_db()
    assert records["congress_b"].status == Congress.Status.PLANNED


def test_import_own_rows_with_preview_then_confirm(client, officer_a, records):
    client.force_login(officer_a)
    content = xlsx(
        [
            {
                "Tên đơn vị": "Xã Xuân Hòa",
                "Loại hình": "Xã, thị trấn",
                "Số đoàn viên": 25,
                "Nhiệm kỳ": "2023-2028",
                "Tình trạng": "Đã tổ chức",
                "Ngày tổ chức": "20/02/2023",
            }
        ]
    )
    response = client.post(
        reverse("admin:congresses_congress_import"),
        {"import_file": SimpleUploadedFile("a.xlsx", content)},
    )
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Xã Xuân Hòa").exists()  # preview only
    confirm = response.context["confirm_form"]
    response = client.post(
        reverse("admin:congresses_congress_process_import"),
        {name: confirm.initial[name] for name in confirm.fields},
    )
    assert response.status_code == 302
    union = Organisation.objects.get(name="Xã Xuân Hòa")
    assert union.parent.code == "THOXUAN"
    assert union.congresses.get().held_on == D(2023, 2, 20)


def test_staff_assignment_admin_only_for_superusers(client, officer_a, province_officer):
    for user in (officer_a, province_officer):
        client.force_login(user)
        response = client.get(reverse("admin:congresses_staffassignment_changelist"))
        assert response.status_code == 403
    assert StaffAssignment.objects.count() == 1


def test_district_officer_cannot_edit_terms(client, officer_a, term):
    client.force_login(officer_a)
    response = client.post(
        reverse("admin:congresses_term_change", args=[term.pk]),
        {"start_year": "2023", "end_year": "2030", "grassroots_deadline": ""},
    )
    assert response.status_code == 403
    term.refresh_from_db()
    assert term.end_year == 2028
