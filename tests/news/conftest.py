"""Fixtures for news tests and two readers of pages (card titles, sitemap addresses)."""

import re

import pytest
from django.contrib.auth.models import Group, User

from news.models import Category, Contributor, Page, Tag


def card_titles(response) -> list[str]:
    """Titles of the article cards on a page, in order."""
    found = re.findall(r'<h3 class="card__title"><a href="[^"]+">(.*?)</a>', response.text)
    return [re.sub(r"</?mark>", "", title) for title in found]  # search highlights words


def sitemap_locations(client) -> list[str]:
    """Every <loc> of every sitemap file the index at /sitemap.xml lists, in order."""
    from urllib.parse import urlsplit
    from xml.etree import ElementTree  # noqa: S405 - parses our own output

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locations = []
    for part in ElementTree.fromstring(index.content).findall("s:sitemap/s:loc", ns):  # noqa: S314
        address = urlsplit(part.text)
        response = client.get(
            address.path, dict([address.query.split("=")]) if address.query else {}
        )
        assert response.status_code == 200, part.text
        urlset = ElementTree.fromstring(response.content)  # noqa: S314 - our own output
        locations += [loc.text for loc in urlset.findall("s:url/s:loc", ns)]
    return locations


@pytest.fixture
def category(db):
    return Category.objects.create(name="Tin tức - Sự kiện", slug="tin-tuc-su-kien", order=1)


@pytest.fixture
def other_category(db):
    return Category.objects.create(
        name="Chính sách pháp luật", slug="chinh-sach-phap-luat", order=2
    )


@pytest.fixture
def tag(db):
    return Tag.objects.create(name="Thọ Xuân")


@pytest.fixture
def contact_page(db):
    return Page.objects.create(
        title="Liên hệ", slug="lien-he", body="<p>Số 37 - Đại lộ Lê Lợi</p>", show_in_menu=True
    )


@pytest.fixture
def editor(db):
    user = User.objects.create_user("bientap", password="x-Strong-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def staff(username, group, **fields) -> User:
    """A staff account in one of the groups the migrations create."""
    user = User.objects.create_user(
        username, password="x-Strong-pass-1", is_staff=True, email=f"{username}@example.vn",
        **fields,
    )  # fmt: skip
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def approver(db):
    return staff("duyetbai", "Duyệt bài", first_name="Lê", last_name="Duyệt")


@pytest.fixture
def approver_client(client, approver):
    client.force_login(approver)
    return client


@pytest.fixture
def contributor(db, category):
    """A "Cộng tác viên" who may write in ``category`` only."""
    user = staff("congtacvien", "Cộng tác viên", first_name="Trần", last_name="Viết")
    Contributor.objects.create(user=user).categories.set([category])
    return user


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


@pytest.fixture
def district_officer(db):
    # The congresses area creates this group by migration; create it if that is not there yet.
    group, _ = Group.objects.get_or_create(name="Cán bộ LĐLĐ huyện")
    user = User.objects.create_user("canbohuyen", password="x-Strong-pass-1", is_staff=True)
    user.groups.add(group)
    return user
