"""Writes triggered by readers, and the search columns kept in step with tags."""

from django.core import signing
from django.db.models import F

from unionsite.useragents import is_bot

from .models import Article, search_meta_form

SEEN_COOKIE = "news_seen"
SEEN_SALT = "news.seen"
SEEN_MAX_AGE = 24 * 60 * 60
SEEN_MAX_IDS = 100


def _seen_ids(request) -> list[int]:
    try:
        raw = request.get_signed_cookie(
            SEEN_COOKIE, default="", salt=SEEN_SALT, max_age=SEEN_MAX_AGE
        )
    except signing.BadSignature:
        return []
    return [int(part) for part in raw.split(".") if part.isdigit()][-SEEN_MAX_IDS:]


def count_article_view(*, request, response, article: Article) -> bool:
    """Add one "lượt xem" if this reader has not seen ``article`` in the last day.

    The reader's recently seen article ids travel in a signed cookie, so reloads write
    nothing; only a first view runs one ``UPDATE … SET view_count = view_count + 1``.
    HEAD requests, bots and link-preview fetchers are never counted. Returns whether
    the view was counted (and ``article.view_count`` updated in memory)."""
    counted = count_article_view_by_id(request=request, response=response, article_id=article.pk)
    if counted:
        article.view_count += 1
    return counted


def count_article_view_by_id(*, request, response, article_id: int) -> bool:
    """``count_article_view`` for a page served whole from the page cache (no view ran)."""
    if request.method != "GET" or is_bot(request.headers.get("User-Agent", "")):
        return False
    seen = _seen_ids(request)
    if article_id in seen:
        return False
    Article.objects.filter(pk=article_id).update(view_count=F("view_count") + 1)
    seen.append(article_id)
    response.set_signed_cookie(
        SEEN_COOKIE,
        ".".join(str(pk) for pk in seen[-SEEN_MAX_IDS:]),
        salt=SEEN_SALT,
        max_age=SEEN_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return True


def refresh_search_meta(*, article_ids) -> int:
    """Re-fold the byline and tag names that search matches for these articles (after their
    tags changed, or a tag was renamed or deleted). Writes ``Article.search_meta`` (on
    PostgreSQL the trigger then rewrites ``search_vector``); returns how many were written."""
    ids = sorted(set(article_ids))
    written = 0
    for start in range(0, len(ids), 500):
        articles = list(
            Article.objects.filter(pk__in=ids[start : start + 500])
            .only("id", "byline", "search_meta")
            .prefetch_related("tags")
        )
        for article in articles:
            article.search_meta = search_meta_form(
                article.byline, [tag.name for tag in article.tags.all()]
            )
        written += Article.objects.bulk_update(articles, ["search_meta"])
    return written
