import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape

from .models import Question

FEED_ITEMS = 20
# Characters XML 1.0 forbids: one typed into a question would make the whole feed fail.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    # Feed readers render titles and descriptions as HTML: show a typed "<" as text.
    return escape(_NOT_XML.sub("", value))


class LatestQuestionsFeed(Feed):
    """RSS 2.0 of the newest answered questions (``/rss/hoi-dap/``), links from SITE_URL.
    No name, e-mail or phone of an asker is in it."""

    feed_type = Rss201rev2Feed
    language = "vi"
    title = "Hỏi đáp pháp luật — Liên đoàn Lao động tỉnh Thanh Hóa"
    description = "Câu hỏi của người lao động và trả lời của Liên đoàn Lao động tỉnh Thanh Hóa"

    def link(self):
        return settings.SITE_URL + reverse("questions:list")

    def feed_url(self):
        return settings.SITE_URL + reverse("question-feed")

    def items(self):
        return Question.objects.published().for_lists()[:FEED_ITEMS]

    def item_title(self, item):
        return _text(item.public_title)

    def item_description(self, item):
        return _text(f"{item.topic.name}: {item.question[:400]}")

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.published_at
