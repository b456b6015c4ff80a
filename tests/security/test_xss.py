"""Hostile HTML (tests/security/xss_vectors.py) never reaches a reader page or a feed executable.

Each vector goes into every text field of an article through the real admin form, as an
editor of the "Biên tập viên" group would type or paste it, and straight through the
sanitiser; then the article page, the home page, search and the RSS feed are checked.
"""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from news.models import Article
from news.sanitize import clean_html
from tests.security.checks import executable_parts
from tests.security.xss_vectors import VECTORS

pytestmark = pytest.mark.django_db

ADD_ARTICLE = f"/{settings.ADMIN_URL}news/article/add/"


def test_corpus_has_at_least_fifty_distinct_vectors():
    assert len(set(VECTORS)) == len(VECTORS) >= 50


@pytest.mark.parametrize("vector", VECTORS)
def test_sanitiser_leaves_nothing_executable(vector):
    cleaned = clean_html(f"<p>Đoạn mở đầu</p>{vector}<p>Đoạn cuối</p>")
    assert executable_parts(cleaned) == []
    # Sanitising is stable: cleaning the output again changes nothing.
    assert clean_html(cleaned) == cleaned


@pytest.fixture
def editor_client(client, make_staff):
    # An editor who is also an approver, so one save puts the article on the reader pages.
    user = make_staff("bientap", "Biên tập viên")
    user.groups.add(Group.objects.get(name="Duyệt bài"))
    client.force_login(user)
    return client


def post_article(client, vector: str, number: int, *, body_alt: bool = False):
    body = f"<p>Nội dung</p>{vector}"
    if body_alt:
        body = re.sub(r"<img\b", '<img alt="ảnh minh họa"', body, flags=re.IGNORECASE)
    return client.post(
        ADD_ARTICLE,
        {
            "title": f"Bài {number} {vector}"[:300],
            "slug": "",
            "summary": f"Tóm tắt {vector}",
            "body": body,
            "cover_caption": vector[:300],
            "cover_alt": vector[:300],
            "publish_at_0": "2026-11-20",
            "publish_at_1": "08:00:00",
            "byline": vector[:200],
            "source": vector[:300],
            "_transition": "approve",
        },
    )


def feed_texts(xml: bytes) -> list[str]:
    root = ET.fromstring(xml)  # noqa: S314 - our own feed, not untrusted input
    return [
        element.text or ""
        for item in root.iter("item")
        for element in item
        if element.tag in {"title", "description"}
    ]


@pytest.mark.parametrize("number,vector", list(enumerate(VECTORS)))
def test_vector_saved_through_admin_is_inert_on_reader_pages(editor_client, client, number, vector):
    response = post_article(editor_client, vector, number)
    if response.status_code == 200 and "chưa có mô tả cho người khiếm thị" in response.text:
        # The form refuses a body image without alt text, and stores nothing; the editor then
        # describes the image: the same vector with an alt attribute on every <img>.
        assert not Article.objects.filter(title__startswith=f"Bài {number} ").exists()
        response = post_article(editor_client, vector, number, body_alt=True)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(title__startswith=f"Bài {number} ")
    client.logout()

    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert executable_parts(page.content.decode()) == []
    assert executable_parts(client.get("/").content.decode()) == []
    search = client.get("/tim-kiem/", {"q": vector})
    assert search.status_code == 200
    assert executable_parts(search.content.decode()) == []

    feed = client.get("/rss/")
    assert feed.status_code == 200
    texts = feed_texts(feed.content)
    assert any(text.startswith(f"Bài {number} ") for text in texts)
    # Feed readers render title and description as HTML: they must hold nothing executable.
    for text in texts:
        assert executable_parts(text) == [], text
