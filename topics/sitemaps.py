from unionsite.links import SiteUrlSitemap

from .models import Topic


class TopicSitemap(SiteUrlSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Topic.objects.published().only("slug", "updated_at").order_by("order", "id")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"topics": TopicSitemap}
