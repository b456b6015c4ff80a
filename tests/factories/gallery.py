"""Albums with photos, videos, and the files they are built from (JPEG with EXIF, MP4)."""

import datetime
import io

import factory
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from gallery import services
from gallery.models import Album, Video

YOUTUBE = "https://www.youtube.com/watch?v=M7lc1UVf-VE"


def jpeg(size=(640, 480), colour=(200, 16, 46), taken: str | None = None) -> bytes:
    """A JPEG; with ``taken`` ("2022:12:02 09:15:00") an EXIF DateTimeOriginal, a camera
    make and a GPS position, as a phone writes them."""
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


def mp4_box(kind: bytes, payload: bytes = b"") -> bytes:
    return (8 + len(payload)).to_bytes(4, "big") + kind + payload


def mp4_bytes(brand: bytes = b"isom") -> bytes:
    """The smallest file the check accepts as MP4: ftyp, moov, mdat boxes tiling the file."""
    return (
        mp4_box(b"ftyp", brand + b"\x00\x00\x02\x00" + brand + b"mp41")
        + mp4_box(b"moov", mp4_box(b"mvhd", bytes(100)))
        + mp4_box(b"mdat", bytes(64))
    )


def make_album(title="Đại hội điểm CĐCS Thọ Xuân", *, photos=3, published=True, **fields) -> Album:
    """A saved album with ``photos`` photos added as the admin adds them (captioned 1, 2…)."""
    album = Album.objects.create(
        title=title,
        taken_on=fields.pop("taken_on", datetime.date(2022, 12, 2)),
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


class VideoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Video

    title = factory.Sequence(lambda n: f"Video hoạt động công đoàn {n}")
    url = YOUTUBE
    published_on = datetime.date(2026, 5, 1)
