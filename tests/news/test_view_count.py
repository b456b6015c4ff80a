"""'lượt xem': one per reader per day, no write on reloads, never for bots or HEAD."""

import pytest

from news.models import Article
from tests.factories import make_article

BROWSER = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36"


@pytest.fixture
def article(db):
    return make_article("Bài được đọc")


def views(article) -> int:
    return Article.objects.get(pk=article.pk).view_count


def test_first_view_counts_and_reload_does_not(client, article, django_assert_num_queries):
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert views(article) == 1
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert views(article) == 1


def test_reload_writes_nothing_to_the_database(client, article, django_capture_on_commit_callbacks):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    with CaptureQueriesContext(connection) as queries:
        client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    writes = [q["sql"] for q in queries if "news_article" in q["sql"] and "UPDATE" in q["sql"]]
    assert writes == []


def test_two_readers_count_twice(client, article):
    from django.test import Client

    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    Client().get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert views(article) == 2


def test_each_article_is_counted_separately_for_one_reader(client, article):
    other = make_article("Bài khác")
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    client.get(other.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert (views(article), views(other)) == (1, 1)


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "curl/8.0",
        "python-requests/2.31",
    ],
)
def test_bots_are_not_counted(client, article, agent):
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=agent)
    assert views(article) == 0


def test_head_is_not_counted(client, article):
    assert client.head(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER).status_code == 200
    assert views(article) == 0


def test_tampered_cookie_is_ignored_and_the_view_counts(client, article):
    client.cookies["news_seen"] = f"{article.pk}:forged"
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert views(article) == 1


def test_count_is_shown_as_luot_xem(client, article):
    Article.objects.filter(pk=article.pk).update(view_count=1234)
    html = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER).text
    assert '<span class="article__views">1.234 lượt xem</span>' in html
