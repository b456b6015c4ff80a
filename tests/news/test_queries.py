"""SQL queries per reader page stay flat however many articles there are.

Measured on a cold cache (every fragment, the menu and the visitor box recomputed) for a
reader already on the site: the visitor counter writes once when a visit starts, and that
one-off cost belongs to the stats area's own tests. Transactional tests, so no test
savepoints are counted as queries (production runs in autocommit).
"""

from datetime import timedelta

import pytest
from django.core.cache import cache

from news.models import Category, Tag

from .conftest import make_article, upload

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
    "/": 10,
    "/chuyen-muc/tin-tuc-su-kien/": 6,
    "/chuyen-muc/tin-tuc-su-kien/?page=2": 6,
    "/the/the-0/": 6,
    "/tim-kiem/?q=dai+hoi": 6,
    "/tim-kiem/?q=dai+hoi&page=2": 6,
}


def test_reader_pages_query_counts_on_a_cold_cache(client, site, django_assert_max_num_queries):
    article = site[0]
    reader_on_the_site(client)
    # The article page: 8, plus 1 for the library documents it cites ("Văn bản liên quan",
    # documents.selectors.documents_for_article).
    for url, limit in [*LIMITS.items(), (article.get_absolute_url(), 9)]:
        cache.clear()
        with django_assert_max_num_queries(limit):
            response = client.get(url, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200, url
        assert response.text.count('class="card__title"') >= 3, url


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
