"""Small builders for news tests (no JSON fixtures, no mocks)."""

import io
import itertools
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from news.models import Article, Category, Page, Tag

_counter = itertools.count(1)


def image_bytes(
    fmt: str = "JPEG", size=(64, 48), colour=(200, 16, 46), mode="RGB", **save
) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, colour if mode != "1" else 0).save(buffer, fmt, **save)
    return buffer.getvalue()


def upload(name="anh.jpg", fmt="JPEG", content_type="image/jpeg", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(fmt, **kwargs), content_type=content_type)


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


def make_article(
    title=None, *, categories=(), tags=(), status=Article.Status.PUBLISHED, ago=None, **fields
) -> Article:
    """A published article (``ago`` = how long ago it was published; negative = scheduled)."""
    n = next(_counter)
    ago = ago if ago is not None else timedelta(hours=n)
    article = Article.objects.create(
        title=title or f"Bài viết số {n}",
        summary=fields.pop("summary", f"Sa-pô của bài {n}."),
        body=fields.pop("body", f"<p>Nội dung bài {n}.</p>"),
        status=status,
        publish_at=timezone.now() - ago,
        **fields,
    )
    if categories:
        article.categories.set(categories)
    if tags:
        article.tags.set(tags)
    return article


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


@pytest.fixture
def district_officer(db):
    # The congresses area creates this group by migration; create it if that is not there yet.
    group, _ = Group.objects.get_or_create(name="Cán bộ LĐLĐ huyện")
    user = User.objects.create_user("canbohuyen", password="x-Strong-pass-1", is_staff=True)
    user.groups.add(group)
    return user
