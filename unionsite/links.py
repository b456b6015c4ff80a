"""Absolute addresses, always from ``settings.SITE_URL`` (never from the request's Host header,
which a client chooses): feeds, the sitemap, canonical and share links, robots.txt."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap


def absolute_url(path: str) -> str:
    """ "/tin-tuc/abc/" → "https://congdoanthanhhoa.vn/tin-tuc/abc/" (SITE_URL has no trailing /)."""
    return settings.SITE_URL + path


class SiteUrlSitemap(Sitemap):
    """A sitemap whose addresses start with SITE_URL: every app's sitemaps derive from it."""

    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc
