from django.urls import reverse

from unionsite.links import SiteUrlSitemap

from .models import Document


class DocumentSectionSitemap(SiteUrlSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["documents:list"]

    def location(self, item):
        return reverse(item)


class DocumentSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Document.objects.published().only("slug", "updated_at").order_by("-issued_on", "-id")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"document-section": DocumentSectionSitemap, "documents": DocumentSitemap}
