"""Writes triggered by readers, the search columns kept in step with tags, and old
addresses kept answering (django.contrib.redirects)."""

import csv
import io
from dataclasses import dataclass, field

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core import signing
from django.db import transaction
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


REDIRECT_PATH_MAX = Redirect._meta.get_field("old_path").max_length


def record_moved_address(*, old_path: str, new_path: str) -> Redirect | None:
    """``old_path`` now lives at ``new_path``: store the 301, point earlier redirects to the
    new address (no chains), and drop a redirect away from an address that is in use again.
    Writes ``Redirect`` rows of the current site; returns the one for ``old_path``."""
    if old_path == new_path or max(len(old_path), len(new_path)) > REDIRECT_PATH_MAX:
        return None
    site = Site.objects.get_current()
    with transaction.atomic():
        Redirect.objects.filter(site=site, old_path=new_path).delete()
        Redirect.objects.filter(site=site, new_path=old_path).update(new_path=new_path)
        redirect, _ = Redirect.objects.update_or_create(
            site=site, old_path=old_path, defaults={"new_path": new_path}
        )
    return redirect


@dataclass
class RedirectImport:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def _is_path(value: str) -> bool:
    return value.startswith("/") and not value.startswith("//") and " " not in value


def import_redirects(*, data: bytes) -> RedirectImport:
    """Old → new addresses from a CSV file (two columns: the old site's path, the new path or
    a full http(s) address; a header row is skipped). Rows with errors are listed and left
    out; the others are written as ``Redirect`` rows of the current site, an existing old
    path being updated."""
    outcome = RedirectImport()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        outcome.errors.append("Tệp không phải văn bản UTF-8 (hãy lưu CSV dạng UTF-8).")
        return outcome
    site = Site.objects.get_current()
    rows = list(csv.reader(io.StringIO(text)))
    with transaction.atomic():
        for number, row in enumerate(rows, start=1):
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            if number == 1 and cells and not _is_path(cells[0]):
                continue  # the header
            if len(cells) < 2:
                outcome.errors.append(f"Dòng {number}: cần hai cột, địa chỉ cũ và địa chỉ mới.")
                continue
            old, new = cells[0], cells[1]
            if not _is_path(old):
                outcome.errors.append(f"Dòng {number}: địa chỉ cũ “{old}” phải bắt đầu bằng /.")
                continue
            if not (_is_path(new) or new.startswith(("https://", "http://"))):
                outcome.errors.append(
                    f"Dòng {number}: địa chỉ mới “{new}” phải bắt đầu bằng / hoặc http(s)://."
                )
                continue
            if max(len(old), len(new)) > REDIRECT_PATH_MAX:
                outcome.errors.append(f"Dòng {number}: địa chỉ dài quá {REDIRECT_PATH_MAX} ký tự.")
                continue
            if old == new:
                outcome.errors.append(f"Dòng {number}: địa chỉ cũ và mới trùng nhau.")
                continue
            _, created = Redirect.objects.update_or_create(
                site=site, old_path=old, defaults={"new_path": new}
            )
            if created:
                outcome.created += 1
            else:
                outcome.updated += 1
    return outcome
