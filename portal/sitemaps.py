"""The site's sitemap.xml: each app lists its own pages; this is only where they meet."""

from congresses.sitemaps import SITEMAPS as CONGRESS_SITEMAPS
from documents.sitemaps import SITEMAPS as DOCUMENT_SITEMAPS
from news.sitemaps import SITEMAPS as NEWS_SITEMAPS

SITEMAPS = {**NEWS_SITEMAPS, **CONGRESS_SITEMAPS, **DOCUMENT_SITEMAPS}
