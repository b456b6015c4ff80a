"""Reader pages of the photo library (``/thu-vien-anh/``) and the video corner (``/video/``)."""

from csp.decorators import csp_update
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from news.selectors import paginate

from . import selectors
from .media import EMBED_ORIGINS
from .models import Photo

ALBUMS_PER_PAGE = 12
PHOTOS_PER_PAGE = 48
VIDEOS_PER_PAGE = 12


def _may_preview(request) -> bool:
    return request.GET.get("preview") == "1" and request.user.is_staff


@require_safe
def album_list(request):
    page = paginate(selectors.albums(), request.GET.get("page"), per_page=ALBUMS_PER_PAGE)
    return render(request, "gallery/album_list.html", {"page_obj": page})


@require_safe
def album_detail(request, slug):
    album = selectors.album_for_reader(slug, include_unpublished=_may_preview(request))
    page = paginate(
        selectors.album_photos(album), request.GET.get("page"), per_page=PHOTOS_PER_PAGE
    )
    return render(
        request,
        "gallery/album_detail.html",
        {"album": album, "page_obj": page, "preview": not album.is_published},
    )


@require_safe
def photo_detail(request, slug, pk):
    album = selectors.album_for_reader(slug, include_unpublished=_may_preview(request))
    try:
        photo, previous_id, next_id, number, total = selectors.photo_with_neighbours(album, pk)
    except Photo.DoesNotExist:
        raise Http404("Không có ảnh này trong album.") from None
    return render(
        request,
        "gallery/photo_detail.html",
        {
            "album": album,
            "photo": photo,
            "previous_id": previous_id,
            "next_id": next_id,
            "number": number,
            "total": total,
            "crumb": f"Ảnh {number}/{total}",
            "album_page": (number - 1) // PHOTOS_PER_PAGE + 1,
            "preview": not album.is_published,
        },
    )


@require_safe
def video_list(request):
    page = paginate(selectors.videos(), request.GET.get("page"), per_page=VIDEOS_PER_PAGE)
    return render(request, "gallery/video_list.html", {"page_obj": page})


# The one page that frames another site, after the reader's click (static/js/gallery.js):
# frame-src names only the two players' hosts, here and nowhere else.
@csp_update({"frame-src": list(EMBED_ORIGINS)})
@require_safe
def video_detail(request, slug):
    preview = _may_preview(request)
    video = selectors.video_for_reader(slug, include_unpublished=preview)
    return render(
        request,
        "gallery/video_detail.html",
        {
            "video": video,
            "more": selectors.latest_videos(4, exclude=video.pk),
            "preview": not video.is_published,
        },
    )
