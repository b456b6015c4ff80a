"""SQL queries per reader page stay flat however many articles there are.

Measured on a cold cache (every fragment, the menu and the visitor box recomputed) for a
reader already on the site: the visitor counter writes once when a visit starts, and that
one-off cost belongs to the stats area's own tests. Transactional tests, so no test
savepoints are counted as queries (production runs in autocommit).
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article, Category, Tag, search_form
from tests.factories import make_article, upload

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"


# serialized_rollback: the flush after each test must not take the migrations' groups with it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site(transactional_db):
    categories = [
        Category.objects.create(name=name, order=i)
        for i, name in enumerate(
            [
                "Tin tức - Sự kiện",
                "Hoạt động công đoàn",
                "Đại hội công đoàn",
                "Chính sách pháp luật",
            ]
        )
    ]
    tags = [Tag.objects.create(name=f"Thẻ {i}") for i in range(3)]
    articles = []
    for i in range(30):
        articles.append(
            make_article(
                f"Đại hội công đoàn bài {i}",
                categories=[categories[i % 4], categories[(i + 1) % 4]],
                tags=tags[: i % 3 + 1],
                featured=i % 7 == 0,
                ago=timedelta(hours=i + 1),
                cover=upload(size=(640, 400)) if i < 3 else "",
                view_count=i,
            )
        )
    return articles


def reader_on_the_site(client):
    client.get("/trang/so-do-trang/", HTTP_USER_AGENT=BROWSER)
    cache.clear()


LIMITS = {
    # 10, plus 2 for the gallery's block (gallery.selectors.newest_album and latest_videos,
    # one query each, then cached per gallery version like the documents block), plus 1 for
    # the partner banners of the side column (unionsite.PartnerLink.shown, cached an hour;
    # the footer's names on every page come with the menu's query, news.selectors.chrome).
    "/": 13,
    "/chuyen-muc/tin-tuc-su-kien/": 6,
    "/chuyen-muc/tin-tuc-su-kien/?page=2": 6,
    "/the/the-0/": 6,
    # Cold: the ranked ids (cached per query afterwards) and the page's cards are two queries;
    # page 1 also lists pages (one query, then cached per generation) and unions/congresses
    # (one query however many unions there are), and answered questions (one query,
    # questions.selectors.search_question_hits).
    "/tim-kiem/?q=dai+hoi": 10,
    "/tim-kiem/?q=dai+hoi&page=2": 7,
}


def test_reader_pages_query_counts_on_a_cold_cache(client, site, django_assert_max_num_queries):
    article = site[0]
    reader_on_the_site(client)
    # The article page: 8, plus 1 for the library documents it cites ("Văn bản liên quan",
    # documents.selectors.documents_for_article), 1 for the congresses whose record links
    # to it ("Đại hội liên quan", congresses.selectors.congresses_reported_by) and 1 for its
    # albums (gallery.selectors.albums_for_article).
    for url, limit in [*LIMITS.items(), (article.get_absolute_url(), 11)]:
        cache.clear()
        with django_assert_max_num_queries(limit):
            response = client.get(url, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200, url
        assert response.text.count('class="card__title"') >= 3, url


def news_query_counts(client, urls) -> dict[str, int]:
    """Queries per page on a cold cache, leaving out the visitor counter's (its presence
    refresh lands on whichever request comes a minute later; tests/stats cover it)."""
    counts = {}
    for url in urls:
        cache.clear()
        client.cookies.pop("news_seen", None)  # every article view is a first view
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200, url
        counts[url] = sum(
            not any(mark in query["sql"] for mark in ("stats_", "set_config", "BEGIN", "COMMIT"))
            for query in captured.captured_queries
        )
    return counts


def test_query_counts_do_not_grow_with_the_archive(client, site):
    categories, tags = list(Category.objects.all()), list(Tag.objects.all())
    urls = [*LIMITS, site[0].get_absolute_url(), site[20].get_absolute_url()]
    reader_on_the_site(client)
    with_thirty = news_query_counts(client, urls)
    now = timezone.now()
    # In bulk (the model's rules are exercised by the 30 above): 300 saves with their
    # signals would take minutes on a busy machine.
    extra = Article.objects.bulk_create(
        Article(
            title=f"Đại hội công đoàn bài thêm {i}",
            slug=f"dai-hoi-cong-doan-bai-them-{i}",
            summary="Sa-pô.",
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(minutes=i + 1),
            search_title=search_form(f"Đại hội công đoàn bài thêm {i}"),
            search_text=search_form("Sa-pô."),
        )
        for i in range(300)
    )
    Article.categories.through.objects.bulk_create(
        Article.categories.through(article_id=a.pk, category_id=categories[i % 4].pk)
        for i, a in enumerate(extra)
    )
    Article.tags.through.objects.bulk_create(
        Article.tags.through(article_id=a.pk, tag_id=tags[i % 3].pk) for i, a in enumerate(extra)
    )
    assert news_query_counts(client, urls) == with_thirty


def test_warm_cache_serves_lists_without_article_queries(
    client, site, django_assert_max_num_queries
):
    reader_on_the_site(client)
    client.get("/chuyen-muc/tin-tuc-su-kien/", HTTP_USER_AGENT=BROWSER)
    with django_assert_max_num_queries(2):
        response = client.get("/chuyen-muc/tin-tuc-su-kien/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200


def test_editor_group_survives_the_transactional_tests(transactional_db):
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name="Biên tập viên").exists()
