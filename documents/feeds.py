import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape

from .models import Document

FEED_ITEMS = 20
# Characters XML 1.0 forbids: one pasted into a trích yếu would make the whole feed fail.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    # Feed readers render titles and descriptions as HTML: show a typed "<" as text.
    return escape(_NOT_XML.sub("", value))


class LatestDocumentsFeed(Feed):
    """RSS 2.0 of the newest published documents (``/rss/van-ban/``), links from SITE_URL."""

    feed_type = Rss201rev2Feed
    language = "vi"
    title = "Văn bản — Liên đoàn Lao động tỉnh Thanh Hóa"
    description = "Văn bản mới của Liên đoàn Lao động tỉnh Thanh Hóa"

    def link(self):
        return settings.SITE_URL + reverse("documents:list")

    def feed_url(self):
        return settings.SITE_URL + reverse("document-feed")

    def items(self):
        return Document.objects.published().for_lists().order_by("-publish_at", "-id")[:FEED_ITEMS]

    def item_title(self, item):
        return _text(f"{item.doc_type.name} {item.number}".strip())

    def item_description(self, item):
        return _text(f"{item.title} ({item.issuer.name}, ngày {item.issued_on:%d/%m/%Y})")

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.publish_at
