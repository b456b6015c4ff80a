"""Audit trail: the admin log records who changed what and when; "Quản trị" can read it."""

import pytest
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry

from news.models import Article
from unionsite.models import SiteProfile

pytestmark = pytest.mark.django_db

ADMIN = f"/{settings.ADMIN_URL}"


@pytest.fixture
def profile():
    return SiteProfile.objects.create(site_name="Liên đoàn Lao động tỉnh Thanh Hóa")


def change_profile(client, **fields):
    data = {"site_name": "Liên đoàn Lao động tỉnh Thanh Hóa", "phone": "", "email": ""}
    data.update(fields)
    return client.post(f"{ADMIN}unionsite/siteprofile/1/change/", data)


def test_admin_change_is_logged_with_user_and_fields(client, make_staff, profile):
    user = make_staff("quantri", "Quản trị")
    client.force_login(user)
    assert change_profile(client, phone="0237 3852 419").status_code == 302
    entry = LogEntry.objects.get()
    assert (entry.user, entry.action_flag, entry.object_id) == (user, CHANGE, "1")
    assert entry.get_change_message() == "Đã thay đổi Điện thoại."
    history = client.get(f"{ADMIN}unionsite/siteprofile/1/history/").content.decode()
    assert "quantri" in history
    assert "Đã thay đổi Điện thoại." in history


def test_quan_tri_reads_log_list_filtered_by_user(client, make_staff, profile):
    first, second = make_staff("quantri", "Quản trị"), make_staff("quantri2", "Quản trị")
    for user, phone in [(first, "01"), (second, "02")]:
        client.force_login(user)
        change_profile(client, phone=phone)
    response = client.get(f"{ADMIN}unionsite/auditentry/", {"user__id__exact": first.pk})
    assert response.status_code == 200
    assert [entry.user.username for entry in response.context["cl"].result_list] == ["quantri"]


def test_log_entries_are_read_only_even_for_superuser(admin_client, profile):
    change_profile(admin_client, phone="01")
    entry = LogEntry.objects.get()
    assert admin_client.get(f"{ADMIN}unionsite/auditentry/add/").status_code == 403
    assert admin_client.post(f"{ADMIN}unionsite/auditentry/{entry.pk}/delete/").status_code == 403
    detail = admin_client.get(f"{ADMIN}unionsite/auditentry/{entry.pk}/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()


def test_staff_without_group_cannot_read_log(client, make_staff):
    client.force_login(make_staff("khach"))
    assert client.get(f"{ADMIN}unionsite/auditentry/").status_code == 403


def test_article_history_shows_who_added_and_changed_it(client, make_staff):
    editor = make_staff("bientap", "Biên tập viên")
    client.force_login(editor)
    data = {
        "title": "Hội nghị Ban Chấp hành",
        "summary": "",
        "body": "<p>Nội dung</p>",
        "status": "draft",
        "publish_at_0": "2026-11-20",
        "publish_at_1": "08:00:00",
        "_save": "Lưu",
    }
    assert client.post(f"{ADMIN}news/article/add/", data).status_code == 302
    article = Article.objects.get()
    data["title"] = "Hội nghị Ban Chấp hành lần thứ 5"
    response = client.post(f"{ADMIN}news/article/{article.pk}/change/", data)
    assert response.status_code == 302

    client.force_login(make_staff("quantri", "Quản trị"))
    history = client.get(f"{ADMIN}news/article/{article.pk}/history/")
    assert history.status_code == 200
    rows = [
        (entry.user.username, entry.get_change_message())
        for entry in history.context["action_list"]
    ]
    assert rows[0] == ("bientap", "Được thêm.")
    assert rows[1][0] == "bientap" and rows[1][1].startswith("Đã thay đổi Tiêu đề")
    assert len(rows) == 2
