"""What a topic page shows, each part through the public selectors of the app that owns it."""

from django.shortcuts import get_object_or_404

from congresses.selectors import congresses_by_ids
from documents.selectors import documents_by_ids
from gallery.selectors import albums_by_ids
from news.selectors import articles_tagged

from .models import Topic


def topics():
    return Topic.objects.published().order_by("order", "-created_at")


def topic_for_reader(slug: str, *, include_unpublished: bool = False) -> Topic:
    queryset = Topic.objects.select_related("tag")
    if not include_unpublished:
        queryset = queryset.published()
    return get_object_or_404(queryset, slug=slug)


def topic_articles(topic: Topic):
    """The published articles carrying the topic's tag, newest first (a queryset to page)."""
    return articles_tagged(topic.tag_id) if topic.tag_id else None


def topic_parts(topic: Topic) -> dict:
    """The documents, albums and congresses chosen for ``topic``: one query each (the chosen
    ids are a subquery, not a query of their own)."""
    through = Topic.documents.through.objects.filter(topic=topic.pk)
    return {
        "documents": documents_by_ids(through.values("document_id")),
        "albums": albums_by_ids(
            Topic.albums.through.objects.filter(topic=topic.pk).values("album_id")
        ),
        "congresses": congresses_by_ids(
            Topic.congresses.through.objects.filter(topic=topic.pk).values("congress_id")
        ),
    }
