"""Fragment caching: an edit shows on the next request; scheduled articles appear on time."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from news import caching
from news.models import Article, Category
from tests.factories import make_article


@pytest.fixture
def article(category):
    return make_article("Tiêu đề cũ", categories=[category], featured=True)


@pytest.mark.parametrize("url", ["/", "/chuyen-muc/tin-tuc-su-kien/", "/the/tho-xuan/"])
def test_published_edit_shows_on_the_next_request(client, article, tag, url):
    article.tags.add(tag)
    assert "Tiêu đề cũ" in client.get(url).text  # now cached
    article.title = "Tiêu đề mới"
    article.save()
    html = client.get(url).text
    assert "Tiêu đề mới" in html
    assert "Tiêu đề cũ" not in html


def test_unpublishing_removes_the_article_from_cached_lists(client, article):
    assert "Tiêu đề cũ" in client.get("/chuyen-muc/tin-tuc-su-kien/").text
    article.status = Article.Status.DRAFT
    article.save()
    assert "Tiêu đề cũ" not in client.get("/chuyen-muc/tin-tuc-su-kien/").text


def test_deleting_removes_the_article_from_cached_lists(client, article):
    assert "Tiêu đề cũ" in client.get("/").text
    article.delete()
    assert "Tiêu đề cũ" not in client.get("/").text


def test_renaming_a_category_updates_the_cached_menu(client, article):
    assert ">Tin tức - Sự kiện</a></li>" in client.get("/").text
    category = Category.objects.get(slug="tin-tuc-su-kien")
    category.name = "Thời sự"
    category.save()
    assert ">Thời sự</a></li>" in client.get("/").text


def test_scheduled_article_appears_when_the_generation_expires(client, category):
    scheduled = make_article("Bài hẹn giờ", categories=[category], ago=-timedelta(hours=1))
    assert "Bài hẹn giờ" not in client.get("/chuyen-muc/tin-tuc-su-kien/").text
    # Time passes: publish_at is now in the past (no save, so no signal) and the generation
    # key expires as bump_generation scheduled it to. Nothing else is invalidated.
    Article.objects.filter(pk=scheduled.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    assert "Bài hẹn giờ" not in client.get("/chuyen-muc/tin-tuc-su-kien/").text  # still cached
    cache.delete(caching.GENERATION_KEY)
    assert "Bài hẹn giờ" in client.get("/chuyen-muc/tin-tuc-su-kien/").text


def test_generation_changes_on_save(article):
    before = caching.generation()
    article.save()
    assert caching.generation() != before
