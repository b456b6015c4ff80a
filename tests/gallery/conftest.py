"""Builders for gallery tests: photos with EXIF dates, MP4 bytes, an editor, an album."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from gallery import services
from gallery.models import Album

D = datetime.date


def jpeg(size=(640, 480), colour=(200, 16, 46), taken: str | None = None) -> bytes:
    """A JPEG; with ``taken`` ("2022:12:02 09:15:00") an EXIF DateTimeOriginal and a GPS tag."""
    buffer = io.BytesIO()
    image = Image.new("RGB", size, colour)
    if taken:
        exif = Image.Exif()
        exif[0x010F] = "Máy ảnh thử"  # Make
        exif.get_ifd(0x8769)[0x9003] = taken
        exif.get_ifd(0x8825)[0x0002] = (19.0, 48.0, 30.0)  # GPSLatitude: Thanh Hóa
        image.save(buffer, "JPEG", exif=exif)
    else:
        image.save(buffer, "JPEG")
    return buffer.getvalue()


def photo_upload(name="anh.jpg", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg(**kwargs), content_type="image/jpeg")


def box(kind: bytes, payload: bytes = b"") -> bytes:
    return (8 + len(payload)).to_bytes(4, "big") + kind + payload


def mp4_bytes(brand: bytes = b"isom") -> bytes:
    """The smallest file our check accepts as MP4: ftyp, moov, mdat boxes tiling the file."""
    return (
        box(b"ftyp", brand + b"\x00\x00\x02\x00" + brand + b"mp41")
        + box(b"moov", box(b"mvhd", bytes(100)))
        + box(b"mdat", bytes(64))
    )


@pytest.fixture
def editor(db):
    user = User.objects.create_user("bientap", password="x-Strong-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def make_album(title="Đại hội điểm CĐCS Thọ Xuân", *, photos=3, published=True, **fields) -> Album:
    album = Album.objects.create(
        title=title,
        taken_on=fields.pop("taken_on", D(2022, 12, 2)),
        is_published=published,
        **fields,
    )
    prepared = [
        services.prepare_photo(ContentFile(jpeg(colour=(10 * i, 47, 92)), name=f"anh-{i}.jpg"))
        for i in range(photos)
    ]
    for number, photo in enumerate(services.add_photos(album=album, photos=prepared), start=1):
        photo.caption = f"Chú thích ảnh {number}"
        photo.save(update_fields=["caption"])
    return album
