import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from news.feeds import LatestArticlesFeed, feed_text
from unionsite.models import SiteProfile

from .models import Document

FEED_ITEMS = 20


class LatestDocumentsFeed(LatestArticlesFeed):
    """RSS 2.0 of the newest published documents (``/rss/van-ban/``)."""

    def title(self):
        return f"Văn bản — {SiteProfile.load().site_name}"

    def link(self):
        return settings.SITE_URL + reverse("documents:list")

    def description(self):
        return f"Văn bản mới của {SiteProfile.load().site_name}"

    def feed_url(self):
        return settings.SITE_URL + reverse("document-feed")

    def items(self):
        return Document.objects.published().for_lists().order_by("-publish_at", "-id")[:FEED_ITEMS]

    def item_title(self, item):
        return feed_text(f"{item.doc_type.name} {item.number}".strip())

    def item_description(self, item):
        return feed_text(f"{item.title} ({item.issuer.name}, ngày {item.issued_on:%d/%m/%Y})")

    def item_pubdate(self, item):
        return item.publish_at or timezone.make_aware(
            datetime.datetime.combine(item.issued_on, datetime.time.min)
        )
