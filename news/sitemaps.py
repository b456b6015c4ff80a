from django.urls import reverse

from unionsite.links import SiteUrlSitemap

from .models import Article, Category, Page


class ArticleSitemap(SiteUrlSitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 1000  # per ?p= page (the protocol allows 50,000); a cold 5,000-URL file took 2–8 s

    def items(self):
        # Oldest first: a new article joins the last page instead of shifting every page.
        return Article.objects.published().only("slug", "updated_at").order_by("publish_at", "id")

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(SiteUrlSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Category.objects.only("slug").order_by("order", "name")


class PageSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Page.objects.only("slug", "language", "updated_at").order_by("order", "title")

    def lastmod(self, item):
        return item.updated_at


class StaticSitemap(SiteUrlSitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["news:home", "news:site-map"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "home": StaticSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "pages": PageSitemap,
}
