"""A district officer or an editor is created from one admin form and chooses a password."""

import re
import unicodedata

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.urls import reverse

from congresses.models import Organisation, StaffAssignment
from congresses.permissions import DISTRICT_STAFF_GROUP

from .english import english_phrases

ADD_URL = reverse("admin:auth_user_add")


@pytest.fixture
def federations(db):
    province = Organisation.objects.create(
        name="Liên đoàn Lao động tỉnh Thanh Hóa", code="THANHHOA", level="province"
    )
    return {
        slug: Organisation.objects.create(
            name=name, code=code, slug=slug, parent=province, level="federation"
        )
        for slug, name, code in [
            ("tho-xuan", "Liên đoàn Lao động huyện Thọ Xuân", "THOXUAN"),
            ("dong-son", "Liên đoàn Lao động huyện Đông Sơn", "DONGSON"),
        ]
    }


@pytest.fixture
def superuser_client(client, db):
    client.force_login(
        User.objects.create_superuser(
            "quantri", "quantri@thanhhoa.vn", "x-Strong-pass-1", first_name="Quản", last_name="Trị"
        )
    )
    return client


def _create(client, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(ADD_URL, data)


def _link(message) -> str:
    return re.search(r"https?://\S+/dat-mat-khau/\S+/", message.body).group(0)


def test_officer_account_in_one_step_gets_group_federation_and_link(
    superuser_client, federations, django_capture_on_commit_callbacks, settings
):
    response = _create(
        superuser_client,
        django_capture_on_commit_callbacks,
        full_name=unicodedata.normalize("NFD", "  Nguyễn Thị   Hường "),
        email="Nguyen.Huong@ThoXuan.vn",
        role="officer",
        federation=federations["tho-xuan"].pk,
    )
    assert response.status_code == 302
    user = User.objects.get(email="nguyen.huong@thoxuan.vn")
    assert (user.username, user.last_name, user.first_name) == (
        "nguyen.huong",
        "Nguyễn Thị",
        "Hường",
    )
    assert user.is_staff and not user.is_superuser and not user.has_usable_password()
    assert [g.name for g in user.groups.all()] == [DISTRICT_STAFF_GROUP]
    assert StaffAssignment.objects.get(user=user).organisation == federations["tho-xuan"]
    assert [m.to for m in mail.outbox] == [["nguyen.huong@thoxuan.vn"]]
    assert "Tên đăng nhập: nguyen.huong" in mail.outbox[0].body
    assert _link(mail.outbox[0]).startswith(settings.SITE_URL)


def test_editor_account_in_one_step_has_no_federation(
    superuser_client, federations, django_capture_on_commit_callbacks
):
    response = _create(
        superuser_client,
        django_capture_on_commit_callbacks,
        full_name="Lê Văn Biên",
        email="bien@congdoan.vn",
        role="editor",
        federation=federations["dong-son"].pk,  # ignored for an editor
    )
    assert response.status_code == 302
    user = User.objects.get(username="bien")
    assert [g.name for g in user.groups.all()] == ["Biên tập viên"]
    assert not StaffAssignment.objects.filter(user=user).exists()
    assert len(mail.outbox) == 1


def test_the_link_lets_the_person_choose_a_password_and_log_in(
    superuser_client, federations, django_capture_on_commit_callbacks, client
):
    _create(
        superuser_client,
        django_capture_on_commit_callbacks,
        full_name="Nguyễn Thị Hường",
        email="huong@thoxuan.vn",
        role="officer",
        federation=federations["tho-xuan"].pk,
    )
    superuser_client.logout()
    path = _link(mail.outbox[0]).split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    assert form_page.status_code == 200
    assert english_phrases(form_page.content.decode()) == []
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Hoa-sen-2026-xanh", "new_password2": "Hoa-sen-2026-xanh"},
        follow=True,
    )
    assert done.status_code == 200
    assert english_phrases(done.content.decode()) == []
    assert User.objects.get(username="huong").check_password("Hoa-sen-2026-xanh")
    # The link works once.
    again = client.get("/" + path, follow=True)
    assert "new_password1" not in again.content.decode()
    login = client.post(
        reverse("admin:login"), {"username": "huong", "password": "Hoa-sen-2026-xanh"}
    )
    assert login.status_code == 302
    assert client.get(reverse("admin:congresses_congress_changelist")).status_code == 200


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"role": "officer"}, "federation", "Chọn LĐLĐ huyện mà cán bộ này phụ trách."),
        ({"role": "officer", "email": "quantri@thanhhoa.vn"}, "email", "quantri"),
        ({"role": "officer", "email": "khong-phai-email"}, "email", "Nhập địa chỉ email"),
        ({"role": "truong-phong"}, "role", "truong-phong"),
        ({"full_name": "   "}, "full_name", "bắt buộc"),
    ],
)
def test_bad_input_is_a_vietnamese_form_error_and_nothing_is_saved(
    superuser_client, federations, django_capture_on_commit_callbacks, data, field, message
):
    post = {"full_name": "Trần Văn Nam", "email": "nam@dongson.vn", "role": "editor"} | data
    response = _create(superuser_client, django_capture_on_commit_callbacks, **post)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors[field])
    assert User.objects.count() == 1 and not StaffAssignment.objects.exists()
    assert mail.outbox == []
    assert english_phrases(response.content.decode()) == []


def test_officer_without_a_federation_is_told_whom_to_ask(superuser_client, federations, client):
    officer = User.objects.create_user("canbo-moi", is_staff=True)
    officer.groups.add(Group.objects.get(name=DISTRICT_STAFF_GROUP))
    client.force_login(officer)
    for url in [
        reverse("admin:congresses_congress_changelist"),
        reverse("admin:congresses_organisation_changelist"),
        reverse("admin:congresses_congress_add"),
    ]:
        html = client.get(url).content.decode()
        assert "chưa được gắn với LĐLĐ huyện nào" in html, url
        assert "Quản Trị (quantri@thanhhoa.vn)" in html, url


def test_officer_with_a_federation_sees_no_such_message(superuser_client, federations, client):
    officer = User.objects.create_user("canbo-thoxuan", is_staff=True)
    officer.groups.add(Group.objects.get(name=DISTRICT_STAFF_GROUP))
    StaffAssignment.objects.create(user=officer, organisation=federations["tho-xuan"])
    client.force_login(officer)
    html = client.get(reverse("admin:congresses_congress_changelist")).content.decode()
    assert "chưa được gắn" not in html
