from django.urls import reverse

from unionsite.links import SiteUrlSitemap

from .models import Congress, Organisation
from .selectors import current_term


class CongressSectionSitemap(SiteUrlSitemap):
    changefreq = "daily"
    priority = 0.7

    def items(self):
        return ["congresses:progress", "congresses:model-congresses"]

    def location(self, item):
        return reverse(item)


class FederationSitemap(SiteUrlSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Organisation.objects.federations().only("slug", "level").order_by("sort_key")


class CongressSitemap(SiteUrlSitemap):
    """The current term's congress pages (earlier terms stay reachable from their pages)."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        term = current_term()
        if term is None:
            return Congress.objects.none()
        return (
            Congress.objects.filter(term=term)
            .select_related("organisation__parent")
            .order_by("organisation__sort_key", "pk")
        )


SITEMAPS = {
    "congress-section": CongressSectionSitemap,
    "federations": FederationSitemap,
    "congresses": CongressSitemap,
}
