"""Writes of the gallery: photos added to an album in bulk, and their renditions."""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from PIL import Image

from unionsite.images import reencode_image

from .models import PHOTO_MAX_SIDE, Album, Photo

_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 0x9003
_DATE_TIME = 0x0132


@dataclass
class PreparedPhoto:
    content: ContentFile  # re-encoded, under a random name, without EXIF
    taken_at: datetime.datetime | None
    original_name: str


def exif_taken_at(file) -> datetime.datetime | None:
    """When the photo was taken, from its EXIF (DateTimeOriginal, else DateTime), read as
    local time; None when the file has no such date or a malformed one."""
    try:
        file.seek(0)
        exif = Image.open(file).getexif()
        raw = exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL) or exif.get(_DATE_TIME)
        taken = datetime.datetime.strptime(str(raw).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except Exception:  # no EXIF, or one a camera wrote wrong: order by upload instead
        return None
    finally:
        file.seek(0)
    return timezone.make_aware(taken)


def prepare_photo(file) -> PreparedPhoto:
    """Check and re-encode one upload (``unionsite.images`` rules), keeping its EXIF date.
    Raises ``ValidationError`` with a Vietnamese message; writes nothing."""
    taken_at = exif_taken_at(file)
    content = reencode_image(file, max_side=PHOTO_MAX_SIDE)
    return PreparedPhoto(content, taken_at, getattr(file, "name", "") or "")


def add_photos(*, album: Album, photos: list[PreparedPhoto]) -> list[Photo]:
    """Append ``photos`` to ``album`` after its existing ones, oldest EXIF date first (photos
    without a date keep their upload order, after the dated ones). Writes Photo rows (their
    renditions follow, gallery/signals.py); sets the album's cover if it had none."""
    ordered = sorted(
        enumerate(photos),
        key=lambda item: (item[1].taken_at is None, item[1].taken_at or timezone.now(), item[0]),
    )
    with transaction.atomic():
        start = (album.photos.aggregate(last=Max("position"))["last"] or 0) + 1
        created = []
        for offset, (_, prepared) in enumerate(ordered):
            photo = Photo(album=album, position=start + offset, taken_at=prepared.taken_at)
            photo.image.save(prepared.content.name, prepared.content, save=False)
            photo.save()
            created.append(photo)
        if created and album.cover_id is None:
            album.cover = album.photos.order_by("position", "id").first()
            album.save(update_fields=["cover"])
    return created
