import re

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape

from unionsite.links import absolute_url
from unionsite.models import SiteProfile

from . import selectors
from .models import Article

FEED_ITEMS = 20
# Characters XML 1.0 forbids: one pasted into a title would make the whole feed fail.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def feed_text(value: str) -> str:
    """Plain text for a feed item. Feed readers render title and description as HTML, so a
    "<" an editor typed is escaped and shown as text, never parsed as markup."""
    return escape(_NOT_XML.sub("", value))


class LatestArticlesFeed(Feed):
    """RSS 2.0 of the newest published articles (absolute links from settings.SITE_URL)."""

    feed_type = Rss201rev2Feed
    language = "vi"

    def title(self):
        return SiteProfile.load().site_name

    def link(self):
        return absolute_url(reverse("news:home"))

    def description(self):
        return f"Tin bài mới nhất của {SiteProfile.load().site_name}"

    def feed_url(self):
        return absolute_url(reverse("news:feed"))

    def items(self):
        return Article.objects.published().for_lists()[:FEED_ITEMS]

    def item_title(self, item):
        return feed_text(item.title)

    def item_description(self, item):
        return feed_text(item.summary)

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.publish_at


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        # The cached category list the menu already reads: no query for the category.
        category = selectors.chrome().category(slug)
        if category is None:
            raise Http404("Không có chuyên mục này.")
        return category

    def title(self, obj):
        return f"{obj.name} — {SiteProfile.load().site_name}"

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def description(self, obj):
        return f"Tin bài mới nhất chuyên mục {obj.name}"

    def feed_url(self, obj):
        return absolute_url(reverse("news:category-feed", args=[obj.slug]))

    def items(self, obj):
        return Article.objects.published().for_lists().filter(categories=obj)[:FEED_ITEMS]
