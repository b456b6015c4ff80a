"""What the gallery offers readers and the other apps (home blocks, article and congress
pages, topic pages): published albums and videos, a few queries each."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Album, Photo, Video


def albums() -> QuerySet[Album]:
    """Published albums, newest first, each with its cover and ``photo_count``."""
    return Album.objects.published().for_lists()


def newest_album() -> Album | None:
    return albums().filter(photo_count__gt=0).first()


def albums_for_article(article_id: int) -> list[Album]:
    return list(albums().filter(articles=article_id))


def albums_for_congress(congress_id: int) -> list[Album]:
    return list(albums().filter(congresses=congress_id))


def albums_by_ids(ids) -> list[Album]:
    """The published albums among ``ids`` (a list or a subquery), newest first (topic pages
    choose them). One query."""
    return list(albums().filter(pk__in=ids))


def album_for_reader(slug: str, *, include_unpublished: bool = False) -> Album:
    queryset = Album.objects.select_related("cover")
    if not include_unpublished:
        queryset = queryset.published()
    return get_object_or_404(queryset, slug=slug)


def album_photos(album: Album) -> QuerySet[Photo]:
    return album.photos.only(
        "id", "album_id", "image", "width", "height", "caption", "alt_text", "position"
    ).order_by("position", "id")


def photo_with_neighbours(album: Album, pk: int) -> tuple[Photo, int | None, int | None, int, int]:
    """The photo ``pk`` of ``album``, the ids of the photos before and after it, its number
    (from 1) and the album's photo count. 404 when it is not in the album. Two queries."""
    ids = list(album.photos.order_by("position", "id").values_list("id", flat=True))
    if pk not in ids:
        raise Photo.DoesNotExist
    index = ids.index(pk)
    photo = album.photos.get(pk=pk)
    previous_id = ids[index - 1] if index > 0 else None
    next_id = ids[index + 1] if index + 1 < len(ids) else None
    return photo, previous_id, next_id, index + 1, len(ids)


def videos() -> QuerySet[Video]:
    return Video.objects.published().order_by("-published_on", "-id")


def latest_videos(limit: int = 3, *, exclude: int | None = None) -> list[Video]:
    return list(videos().exclude(pk=exclude)[:limit])


def video_for_reader(slug: str, *, include_unpublished: bool = False) -> Video:
    queryset = Video.objects.all() if include_unpublished else Video.objects.published()
    return get_object_or_404(queryset, slug=slug)
