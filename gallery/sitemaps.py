from django.urls import reverse

from unionsite.links import SiteUrlSitemap

from .models import Album, Video


class GallerySectionSitemap(SiteUrlSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return ["gallery:albums", "gallery:videos"]

    def location(self, item):
        return reverse(item)


class AlbumSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Album.objects.published().only("slug", "updated_at").order_by("-taken_on", "-id")

    def lastmod(self, item):
        return item.updated_at


class VideoSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Video.objects.published().only("slug", "updated_at").order_by("-published_on", "-id")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "gallery-section": GallerySectionSitemap,
    "albums": AlbumSitemap,
    "videos": VideoSitemap,
}
