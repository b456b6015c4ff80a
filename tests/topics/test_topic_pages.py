"""Topic pages: the articles of a tag and the documents, albums and congresses chosen for it,
each through its own app's rules (drafts stay hidden)."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congresses.models import Congress
from documents.models import Document, DocumentType, Issuer
from tests.factories import (
    FederationFactory,
    TagFactory,
    TermFactory,
    make_album,
    make_article,
    make_congress,
    make_union,
    photo_upload,
    staff_in,
)
from topics.models import Topic

pytestmark = pytest.mark.django_db
D = datetime.date


def _document(number: str, *, published=True) -> Document:
    return Document.objects.create(
        number=number, doc_type=DocumentType.objects.get(name="Kế hoạch"),
        issuer=Issuer.objects.get_or_create(name="Liên đoàn Lao động tỉnh Thanh Hóa")[0],
        title=f"Kế hoạch {number}", issued_on=D(2023, 1, 5), is_published=published,
    )  # fmt: skip


@pytest.fixture
def topic():
    tag = TagFactory(name="Đại hội XX")
    make_article("Bài có thẻ", tags=[tag])
    make_article("Bài nháp có thẻ", tags=[tag], status="draft")
    make_article("Bài không thẻ")
    topic = Topic.objects.create(
        title="Đại hội XX Công đoàn tỉnh Thanh Hóa",
        intro="<p>Giới thiệu.</p><script>alert(1)</script>",
        tag=tag,
        is_published=True,
    )
    topic.documents.add(_document("61/KH-LĐLĐ"), _document("99/KH-LĐLĐ", published=False))
    topic.albums.add(
        make_album("Album đại hội", photos=1), make_album("Album nháp", published=False)
    )
    congress = make_congress(
        make_union(FederationFactory(), "CĐ Trường Tiểu học Xuân Lập"), TermFactory(),
        status=Congress.Status.HELD, held_on=D(2023, 3, 10),
    )  # fmt: skip
    topic.congresses.add(congress)
    return topic


def test_topic_page_shows_what_readers_may_see_of_each_part(client, topic):
    response = client.get("/chuyen-de/dai-hoi-xx-cong-doan-tinh-thanh-hoa/")
    assert response.status_code == 200
    html = response.text
    assert re.findall(r'<h3 class="card__title"><a href="[^"]+">(.*?)</a>', html) == ["Bài có thẻ"]
    assert "61/KH-LĐLĐ" in html and "99/KH-LĐLĐ" not in html
    assert re.findall(r'<span class="album-card__title">(.*?)</span>', html) == ["Album đại hội"]
    assert "Đại hội CĐ Trường Tiểu học Xuân Lập" in html or "CĐ Trường Tiểu học Xuân Lập" in html
    assert "<p>Giới thiệu.</p>" in html and "alert(1)" not in html


def test_topic_page_queries_do_not_grow_with_its_parts(
    client, topic, django_assert_max_num_queries
):
    url = topic.get_absolute_url()
    # Topic, articles (rows and count in one), documents, albums, congresses, and the chrome
    # (menu, profile, partner links, visitor box) of every page.
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    for i in range(5):
        topic.albums.add(make_album(f"Album thêm {i}", photos=1))
        topic.documents.add(_document(f"{i}/KH"))
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_an_unpublished_topic_is_hidden_but_staff_preview_it(client, topic):
    topic.is_published = False
    topic.save()
    assert client.get(topic.get_absolute_url()).status_code == 404
    client.force_login(staff_in("bientap", "Biên tập viên"))
    preview = client.get(f"{topic.get_absolute_url()}?preview=1")
    assert preview.status_code == 200
    assert '<meta name="robots" content="noindex">' in preview.text


def test_topic_list_and_sitemap(client, topic):
    Topic.objects.create(title="Chuyên đề nháp")
    assert re.findall(
        r'<li><a href="/chuyen-de/[^"]+">(.*?)</a></li>', client.get("/chuyen-de/").text
    ) == ["Đại hội XX Công đoàn tỉnh Thanh Hóa"]
    locations = re.findall(r"<loc>(.*?)</loc>", client.get("/sitemap-topics.xml").text)
    assert [loc.split("/", 3)[3] for loc in locations] == [
        "chuyen-de/dai-hoi-xx-cong-doan-tinh-thanh-hoa/"
    ]


def test_editor_adds_a_topic_with_a_banner_reencoded(client):
    client.force_login(staff_in("bientap", "Biên tập viên"))
    response = client.post(
        reverse("admin:topics_topic_add"),
        {"title": "Tháng Công nhân 2026", "slug": "", "intro": "<p>Chuyên đề.</p>",
         "banner": photo_upload("Banner tháng công nhân.jpg", size=(1600, 400)),
         "banner_alt": "Banner Tháng Công nhân", "order": "0", "is_published": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.context["adminform"].form.errors
    topic = Topic.objects.get()
    assert re.fullmatch(r"topics/\d{4}/[0-9a-f]{32}\.jpg", topic.banner.name)
    assert (topic.banner_width, topic.banner_height) == (1600, 400)
    bad = client.post(
        reverse("admin:topics_topic_add"),
        {"title": "Khác", "intro": "", "order": "0",
         "banner": SimpleUploadedFile("banner.jpg", b"<html></html>")},
    )  # fmt: skip
    assert bad.context["adminform"].form.errors == {
        "banner": ["Tệp không phải là ảnh hợp lệ. Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF."]
    }
