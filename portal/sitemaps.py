"""The site's sitemaps: each app lists its own pages; this is only where they meet.

``/sitemap.xml`` is a sitemap index: one ``/sitemap-<section>.xml`` per section, paged with
``?p=`` so that no file holds more than its section's ``limit`` (articles: 1,000; the
protocol allows 50,000). Articles are listed oldest first, so a page's contents only change
when an article on it is edited or removed, and every article is on exactly one page. Each
file is rendered once per content version (``pagecache.version()``, new on any content save)
and kept at most ``SITEMAP_SECONDS``, so a scheduled article appears within that time.
"""

import hashlib

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem, sitemap
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from congresses.sitemaps import SITEMAPS as CONGRESS_SITEMAPS
from documents.sitemaps import SITEMAPS as DOCUMENT_SITEMAPS
from gallery.sitemaps import SITEMAPS as GALLERY_SITEMAPS
from news.sitemaps import SITEMAPS as NEWS_SITEMAPS
from questions.sitemaps import SITEMAPS as QUESTION_SITEMAPS
from topics.sitemaps import SITEMAPS as TOPIC_SITEMAPS

from . import pagecache

SITEMAPS = {
    **NEWS_SITEMAPS,
    **CONGRESS_SITEMAPS,
    **DOCUMENT_SITEMAPS,
    **GALLERY_SITEMAPS,
    **QUESTION_SITEMAPS,
    **TOPIC_SITEMAPS,
}
SITEMAP_SECONDS = 600
CONTENT_TYPE = "application/xml"


def _cached(request, build) -> HttpResponse:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    key = f"sitemap:{pagecache.version()}:{path}"
    content = cache.get(key)
    if content is None:
        content = build()
        cache.set(key, content, SITEMAP_SECONDS)
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


@require_safe
def sitemap_index(request):
    def build():
        items = []
        for section, sitemap_class in SITEMAPS.items():
            location = settings.SITE_URL + reverse("sitemap-section", kwargs={"section": section})
            items.append(SitemapIndexItem(location, None))
            pages = sitemap_class().paginator.num_pages
            items.extend(SitemapIndexItem(f"{location}?p={n}", None) for n in range(2, pages + 1))
        return render_to_string("sitemap_index.xml", {"sitemaps": items})

    return _cached(request, build)


@require_safe
def sitemap_section(request, section):
    def build():
        response = sitemap(request, sitemaps=SITEMAPS, section=section)  # 404s for bad input
        return response.render().content

    return _cached(request, build)
