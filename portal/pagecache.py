"""A whole-page cache for anonymous readers, a few seconds long.

Rendering the site chrome alone costs several times a bare view (bench/pages.py), so reader
pages are kept, rendered, for ``PAGE_CACHE_SECONDS`` (default 10). What must stay exact or
fresh is not inside the cached part:

- It sits *inside* the visitor counter (``stats.middleware``) in ``MIDDLEWARE``, so every
  request, hit or miss, is counted.
- The visitor box is cut out of the stored page and rendered afresh on every hit (one cache
  hit for its numbers), so it is never older than the stats cache allows.
- Cookies are never stored. A view that must do something per reader on every request
  (the article's "lượt xem") names a function in ``response.page_cache_replay``; hits call it.
- Anyone with a session (editors, staff) bypasses the cache, and so does a preview.
- A save or delete starts a new version of the pages it can change, so an edit shows on the
  next request on every app server sharing the cache, and only those pages are rendered
  again: each page's key holds the version of its *area* (``/dai-hoi/…`` is the congresses'
  area, every other reader page the news area) and the version of the *chrome* (menu,
  footer, header: categories, editor pages, the site profile), which every page shows.
  Saving an article renews the news area (home, its page, lists, tags, search), not the
  congress pages; saving a congress renews ``/dai-hoi/…``, not the news.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.module_loading import import_string

from news.services import SEEN_COOKIE
from stats.templatetags.stats_tags import BOX_END, BOX_START, visitor_box
from unionsite.security import is_admin_path
from unionsite.views import reader_text_size

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version:{area}"
CONTENT_APPS = {"news", "congresses", "documents", "gallery", "questions", "topics", "unionsite"}
CHROME = "chrome"
# Shown on every page (menu, footer, header), whichever app they belong to.
CHROME_MODELS = {"news.category", "news.page", "unionsite.siteprofile"}
# Reader pages under these prefixes belong to that app's area; the rest to "news".
AREA_PREFIXES = {
    "/dai-hoi/": "congresses",
    "/van-ban/": "documents",
    "/thu-vien-anh/": "gallery",
    "/video/": "gallery",
    "/hoi-dap/": "questions",
}
DEFAULT_AREA = "news"
AREAS = (CHROME, "news", "congresses", "documents", "gallery", "questions")
# Areas whose content other areas show too: the home page has a "Văn bản" block and the
# newest album and videos; article and congress pages show their albums.
ALSO_SHOWN_IN = {
    "documents": ("news",),
    "gallery": ("news", "congresses"),
    # Topic pages (/chuyen-de/) are in the news area.
    "topics": ("news",),
}
# What a view's django-csp decorators leave on its response (the video page's frame-src):
# kept with a stored page, so a hit is served under the same policy as the miss.
CSP_ATTRIBUTES = ("_csp_update", "_csp_replace", "_csp_config", "_csp_exempt")
# Responses that set any other cookie (a CSRF token, a session) carry per-reader content.
# The article's "seen" cookie is re-made for each reader by its replay hook.
HARMLESS_COOKIES = {SEEN_COOKIE}
MAX_KEYED_LENGTH = 2000
HIT_HEADER = "X-Page-Cache"


def version(*areas: str) -> str:
    """The current versions of ``areas`` (all areas if none), in one cache round trip."""
    areas = areas or AREAS
    keys = [VERSION_KEY.format(area=area) for area in areas]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex[:12], None)
            found[key] = cache.get(key) or ""
    return ".".join(found[key] for key in keys)


def invalidate(*areas: str) -> None:
    """Forget the cached pages of ``areas`` (all if none); they expire on their own, the
    new version is never read."""
    cache.set_many({VERSION_KEY.format(area=a): uuid.uuid4().hex[:12] for a in areas or AREAS})


def area_of(path: str) -> str:
    return next((a for p, a in AREA_PREFIXES.items() if path.startswith(p)), DEFAULT_AREA)


@receiver([post_save, post_delete, m2m_changed])
def _content_changed(sender, **kwargs):
    model = kwargs.get("instance").__class__ if "instance" in kwargs else sender
    meta = getattr(model, "_meta", None)
    if meta is None or meta.app_label not in CONTENT_APPS:
        return
    if meta.label_lower in CHROME_MODELS or meta.app_label == "unionsite":
        invalidate(CHROME)
    else:
        invalidate(meta.app_label, *ALSO_SHOWN_IN.get(meta.app_label, ()))


class ReaderPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not self._cacheable_request(request):
            return self.get_response(request)
        # The cache backend (unionsite.cache.ResilientRedisCache) reads a Redis outage as a
        # miss and a failed write as a no-op, so the page is simply rendered.
        key = self._key(request)
        entry = cache.get(key)
        if entry is not None:
            return self._replay(request, entry)
        response = self.get_response(request)
        if request.method == "GET" and self._cacheable_response(response):
            cache.set(key, self._entry(response), seconds)
        response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            request.method in {"GET", "HEAD"}
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "preview" not in request.GET
            and not is_admin_path(request.path_info)
            and len(request.get_full_path()) <= MAX_KEYED_LENGTH
        )

    @staticmethod
    def _cacheable_response(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not set(response.cookies) - HARMLESS_COOKIES
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _key(request) -> str:
        raw = f"{request.get_full_path()}|{reader_text_size(request)}".encode()
        page_version = version(CHROME, area_of(request.path_info))
        return f"pagecache:{page_version}:{hashlib.sha256(raw).hexdigest()[:32]}"

    @staticmethod
    def _entry(response) -> dict:
        content = response.content.decode(response.charset)
        start, end = content.find(BOX_START), content.find(BOX_END)
        parts = [content]
        if start != -1 and end > start:
            parts = [content[:start], content[end + len(BOX_END) :]]
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in {"set-cookie", "content-length"}
        }
        return {
            "parts": parts,
            "headers": headers,
            "replay": getattr(response, "page_cache_replay", None),
            "csp": {a: getattr(response, a) for a in CSP_ATTRIBUTES if hasattr(response, a)},
        }

    @staticmethod
    def _replay(request, entry) -> HttpResponse:
        parts = entry["parts"]
        # Two parts: the page around its visitor box, which is rendered afresh between them.
        content = visitor_box().join(parts) if len(parts) == 2 else parts[0]
        response = HttpResponse(content)
        for name, value in entry["headers"].items():
            response[name] = value
        response[HIT_HEADER] = "hit"
        for attribute, value in entry.get("csp", {}).items():
            setattr(response, attribute, value)
        if entry["replay"]:
            path, kwargs = entry["replay"]
            try:
                import_string(path)(request=request, response=response, **kwargs)
            except DatabaseError:
                # The stored page is still good to read while the database is away; only
                # this reader's "lượt xem" is lost.
                logger.warning("Page cache: replay %s failed", path, exc_info=True)
        return response
