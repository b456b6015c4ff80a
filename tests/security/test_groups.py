"""Least privilege per group, checked as a user of each group would meet it: admin pages.

"Biên tập viên" writes news; "Cán bộ LĐLĐ huyện" records congresses; "Quản trị" runs the
site's content but not user accounts. None of them is a superuser.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from news.models import Category
from stats.models import DailyVisits
from unionsite.models import SiteProfile

pytestmark = pytest.mark.django_db

A = f"/{settings.ADMIN_URL}"

CAN = {
    "Biên tập viên": [
        "news/article/",
        "news/article/add/",
        "news/tag/add/",
        "news/category/add/",
        "news/page/add/",
    ],
    "Cán bộ LĐLĐ huyện": ["congresses/congress/", "congresses/organisation/"],
    "Quản trị": [
        "unionsite/siteprofile/",
        "unionsite/siteprofile/1/change/",
        "news/article/",
        "news/article/add/",
        "news/category/{category}/delete/",
        "news/page/add/",
        "congresses/congress/",
        "congresses/congress/add/",
        "congresses/term/add/",
        "stats/visittotal/",
        "unionsite/auditentry/",
        "axes/accessattempt/",
    ],
}
CANNOT = {
    "Biên tập viên": [
        "news/category/{category}/delete/",
        "unionsite/siteprofile/1/change/",
        "congresses/congress/",
        "stats/visittotal/",
        "unionsite/auditentry/",
        "auth/user/",
        "auth/group/",
        "axes/accessattempt/",
    ],
    "Cán bộ LĐLĐ huyện": [
        "news/article/",
        "news/article/add/",
        "unionsite/siteprofile/1/change/",
        "congresses/term/add/",
        "congresses/staffassignment/",
        "stats/visittotal/",
        "unionsite/auditentry/",
        "auth/user/",
    ],
    "Quản trị": [
        # Linking accounts to federations is account management: superusers only.
        "congresses/staffassignment/",
        "auth/user/",
        "auth/user/add/",
        "auth/group/",
        "auth/group/add/",
        "stats/dailyvisits/add/",
        "stats/dailyvisits/{day}/delete/",
        "axes/accesslog/",
    ],
}


@pytest.fixture
def objects():
    SiteProfile.objects.create(site_name="Liên đoàn Lao động tỉnh Thanh Hóa")
    category = Category.objects.create(name="Tin tức", slug="tin-tuc")
    day = DailyVisits.objects.create(day="2026-11-20", visits=3)
    return {"category": category.pk, "day": day.pk}


def as_member(client, make_staff, group):
    user = make_staff("thanhvien", group)
    client.force_login(user)
    return user


@pytest.mark.parametrize("group,path", [(g, p) for g, paths in CAN.items() for p in paths])
def test_group_can(client, make_staff, objects, group, path):
    as_member(client, make_staff, group)
    assert client.get(A + path.format(**objects)).status_code == 200


@pytest.mark.parametrize("group,path", [(g, p) for g, paths in CANNOT.items() for p in paths])
def test_group_cannot(client, make_staff, objects, group, path):
    as_member(client, make_staff, group)
    assert client.get(A + path.format(**objects)).status_code == 403


@pytest.mark.parametrize("group", list(CAN))
def test_group_members_are_not_superusers_and_cannot_change_groups(client, make_staff, group):
    user = as_member(client, make_staff, group)
    assert not user.is_superuser
    assert not user.has_perm("auth.change_user") and not user.has_perm("auth.change_group")
    response = client.post(f"{A}auth/group/add/", {"name": "Nhóm mới"})
    assert response.status_code == 403
    assert not Group.objects.filter(name="Nhóm mới").exists()


def test_only_editors_and_admins_may_upload_images(client, make_staff):
    for group, expected in [("Biên tập viên", 400), ("Quản trị", 400), ("Cán bộ LĐLĐ huyện", 403)]:
        client.force_login(make_staff(f"u{expected}{len(group)}", group))
        # An empty POST: 400 "choose a file" means allowed in, 403 means refused at the door.
        assert client.post("/ckeditor5/image_upload/").status_code == expected, group


def test_quan_tri_can_unlock_a_locked_login(client, make_staff):
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.create(
        username="bientap", ip_address="198.51.100.7", user_agent="x", failures_since_start=5
    )
    as_member(client, make_staff, "Quản trị")
    response = client.post(
        f"{A}axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}, follow=False
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
