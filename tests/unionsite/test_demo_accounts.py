"""`seed_demo` in debug: one editor and one Thọ Xuân officer to try the admin with (README)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from congresses.models import Organisation

pytestmark = pytest.mark.django_db


def log_in(client, username, password) -> None:
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 302, response.content.decode()[:300]


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_in_debug_prints_the_two_trial_accounts_which_log_in(client, settings):
    settings.DEBUG = True
    settings.SITE_URL = "http://127.0.0.1:8310"
    out = seed()
    assert (
        "Tài khoản thử (Biên tập viên): http://127.0.0.1:8310/admin/ — tên: bientapvien"
        " — mật khẩu: bientap-thanhhoa"
    ) in out
    assert (
        "Tài khoản thử (Cán bộ LĐLĐ huyện): http://127.0.0.1:8310/admin/ — tên: canbo-thoxuan"
        " — mật khẩu: thoxuan-thanhhoa"
    ) in out

    log_in(client, "bientapvien", "bientap-thanhhoa")
    assert client.get("/admin/news/article/add/").status_code == 200
    assert client.get("/admin/congresses/congress/").status_code == 403  # not an officer

    client.logout()
    log_in(client, "canbo-thoxuan", "thoxuan-thanhhoa")
    response = client.get("/admin/congresses/organisation/")
    assert response.status_code == 200
    listed = {o.name for o in response.context["cl"].result_list}
    tho_xuan_unions = set(
        Organisation.objects.filter(parent__slug="tho-xuan").values_list("name", flat=True)
    )
    assert listed and listed <= tho_xuan_unions | {"Liên đoàn Lao động huyện Thọ Xuân"}
    assert client.get("/admin/news/article/add/").status_code == 403  # not an editor


def test_seed_demo_again_keeps_a_changed_password_and_says_so(settings):
    settings.DEBUG = True
    seed()
    editor = get_user_model().objects.get(username="bientapvien")
    editor.set_password("doi-mat-khau-moi")
    editor.save()
    out = seed()
    assert "tên: bientapvien — mật khẩu đã đặt trước đó" in out
    editor.refresh_from_db()
    assert editor.check_password("doi-mat-khau-moi")
    assert (
        get_user_model().objects.filter(username__in=["bientapvien", "canbo-thoxuan"]).count() == 2
    )


def test_seed_demo_with_debug_off_creates_no_account_with_a_known_password(settings):
    settings.DEBUG = False
    out = seed()
    assert "Tài khoản thử" not in out
    assert (
        not get_user_model().objects.filter(username__in=["bientapvien", "canbo-thoxuan"]).exists()
    )


def test_seed_demo_in_debug_adds_an_approver_and_a_contributor_with_a_waiting_article(
    client, settings
):
    settings.DEBUG = True
    out = seed()
    assert "tên: duyetbai — mật khẩu: duyetbai-thanhhoa" in out
    assert "tên: congtacvien-thoxuan — mật khẩu: congtacvien-thanhhoa" in out
    log_in(client, "duyetbai", "duyetbai-thanhhoa")
    home = client.get("/admin/").text
    assert "Bài chờ duyệt (1)" in home
    assert "Công đoàn Thọ Xuân thăm, tặng quà công nhân có hoàn cảnh khó khăn" in home
    client.logout()
    log_in(client, "congtacvien-thoxuan", "congtacvien-thanhhoa")
    form = client.get("/admin/news/article/add/").context["adminform"].form
    assert [c.name for c in form.fields["categories"].queryset] == [
        "Hoạt động công đoàn",
        "Đại hội công đoàn",
    ]
    assert seed().count("mật khẩu đã đặt trước đó") >= 4  # a second run keeps everything
