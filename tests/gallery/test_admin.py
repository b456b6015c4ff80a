"""The editor's album and video forms: many photos at once, each checked and re-encoded;
Vietnamese form errors for bad files and addresses, never a 500."""

import datetime
import re

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from easy_thumbnails.files import get_thumbnailer
from PIL import Image

from gallery.media import BAD_URL, NOT_MP4
from gallery.models import VIDEO_SOURCE_BOTH, VIDEO_SOURCE_REQUIRED, Album, Photo, Video
from gallery.signals import PHOTO_RENDITIONS
from tests.factories import jpeg, make_album, mp4_bytes, photo_upload

ADD_ALBUM = reverse("admin:gallery_album_add")
ADD_VIDEO = reverse("admin:gallery_video_add")


def _album_data(**extra):
    return {
        "title": "Hội thao công nhân lao động 2026",
        "slug": "",
        "taken_on": "04/12/2026",
        "description": "Ảnh hội thao.",
        "is_published": "on",
        "cover": "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        **extra,
    }


def test_editor_uploads_several_photos_at_once_ordered_by_exif_date(editor_client):
    files = [
        photo_upload("chieu.jpg", taken="2026:12:04 15:30:00", colour=(0, 0, 200)),
        photo_upload("khong-ngay.jpg", colour=(0, 200, 0)),
        photo_upload("sang.jpg", taken="2026:12:04 08:05:00", colour=(200, 0, 0)),
        photo_upload("trua.jpg", taken="2026:12:04 11:00:00", colour=(200, 200, 0)),
    ]
    response = editor_client.post(ADD_ALBUM, _album_data(new_photos=files))
    assert response.status_code == 302, response.context["adminform"].form.errors
    album = Album.objects.get()
    photos = list(album.photos.all())
    taken = [p.taken_at and p.taken_at.astimezone(datetime.UTC).strftime("%H:%M") for p in photos]
    # Asia/Ho_Chi_Minh is UTC+7: the EXIF clock times 08:05, 11:00, 15:30, then the undated one.
    assert taken == ["01:05", "04:00", "08:30", None]
    assert [p.position for p in photos] == [1, 2, 3, 4]
    assert album.cover == photos[0]
    for photo in photos:
        name = photo.image.name
        assert re.fullmatch(r"gallery/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", name), name
        with default_storage.open(name) as stored:
            data = stored.read()
            stored.seek(0)
            assert dict(Image.open(stored).getexif()) == {}  # EXIF (and GPS) dropped
        assert b"M\xc3\xa1y \xe1\xba\xa3nh" not in data
        assert (photo.width, photo.height) == (640, 480)
        thumbnailer = get_thumbnailer(photo.image)
        for alias in PHOTO_RENDITIONS:
            from easy_thumbnails.alias import aliases

            assert thumbnailer.thumbnail_storage.exists(
                thumbnailer.get_thumbnail_name(aliases.get(alias))
            ), alias


def test_more_photos_are_appended_after_the_existing_ones(editor_client):
    album = make_album(photos=2)
    url = reverse("admin:gallery_album_change", args=[album.pk])
    page = editor_client.get(url)
    assert 'type="file" name="new_photos"' in page.text and "multiple" in page.text
    ids = list(album.photos.values_list("id", flat=True))
    data = _album_data(
        title=album.title,
        slug=album.slug,
        taken_on="02/12/2022",
        cover=str(album.cover_id),
        new_photos=[photo_upload("them.jpg", taken="2020:01:01 00:00:00")],
        **{"photos-TOTAL_FORMS": "2", "photos-INITIAL_FORMS": "2"},
    )
    for i, pk in enumerate(ids):
        data |= {f"photos-{i}-id": str(pk), f"photos-{i}-album": str(album.pk),
                 f"photos-{i}-caption": f"Ảnh {i}", f"photos-{i}-alt_text": "",
                 f"photos-{i}-position": str(i + 1)}  # fmt: skip
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert [p.position for p in album.photos.all()] == [1, 2, 3]
    # Taken earlier than nothing else in the album, yet after the photos already there.
    assert timezone.localtime(album.photos.last().taken_at).year == 2020


def test_one_bad_file_refuses_the_upload_with_its_name_and_saves_nothing(editor_client):
    files = [
        photo_upload("tot.jpg"),
        SimpleUploadedFile("trang.jpg", b"<html>not an image</html>", content_type="image/jpeg"),
        SimpleUploadedFile("so-do.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
    ]
    response = editor_client.post(ADD_ALBUM, _album_data(new_photos=files))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["new_photos"]
    assert errors == [
        "trang.jpg: Tệp không phải là ảnh hợp lệ. Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF.",
        "so-do.svg: Tệp không phải là ảnh hợp lệ. Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF.",
    ]
    assert Album.objects.count() == 0 and Photo.objects.count() == 0


def test_photos_cannot_be_added_one_inline_row_at_a_time(editor_client):
    album = make_album(photos=1)
    page = editor_client.get(reverse("admin:gallery_album_change", args=[album.pk]))
    assert 'name="photos-TOTAL_FORMS" value="1"' in page.text
    assert "photos-empty" not in page.text  # no "add another" row


def _video_data(**extra):
    return {
        "title": "Lễ ra quân Tháng Công nhân",
        "slug": "",
        "published_on": "04/12/2026",
        "description": "",
        "is_published": "on",
        "url": "",
        **extra,
    }


def test_a_youtube_address_makes_a_video_item(editor_client):
    response = editor_client.post(ADD_VIDEO, _video_data(url="https://youtu.be/M7lc1UVf-VE"))
    assert response.status_code == 302
    video = Video.objects.get()
    assert (video.provider, video.provider_key) == ("youtube", "M7lc1UVf-VE")


def test_bad_video_addresses_and_files_get_vietnamese_errors(editor_client):
    cases = [
        (_video_data(url="https://vimeo.com/123"), {"url": [BAD_URL]}),
        (_video_data(), {"__all__": [VIDEO_SOURCE_REQUIRED]}),
        (
            _video_data(
                url="https://youtu.be/M7lc1UVf-VE", file=SimpleUploadedFile("v.mp4", mp4_bytes())
            ),
            {"__all__": [VIDEO_SOURCE_BOTH]},
        ),
        (_video_data(file=SimpleUploadedFile("v.mp4", b"<html></html>")), {"file": [NOT_MP4]}),
        (_video_data(file=SimpleUploadedFile("anh.jpg", jpeg())), {"file": [NOT_MP4]}),
    ]
    for data, expected in cases:
        response = editor_client.post(ADD_VIDEO, data)
        assert response.status_code == 200
        assert response.context["adminform"].form.errors == expected
    assert Video.objects.count() == 0


def test_an_mp4_upload_is_stored_under_a_random_name_with_its_poster_reencoded(editor_client):
    data = _video_data(
        file=SimpleUploadedFile("Lễ ra quân.mp4", mp4_bytes(), content_type="video/mp4"),
        poster=photo_upload("poster goc.jpg", taken="2026:12:04 08:00:00"),
    )
    response = editor_client.post(ADD_VIDEO, data)
    assert response.status_code == 302
    video = Video.objects.get()
    assert video.provider == "file"
    assert re.fullmatch(r"gallery/videos/\d{4}/[0-9a-f]{32}\.mp4", video.file.name)
    assert re.fullmatch(r"gallery/posters/\d{4}/[0-9a-f]{32}\.jpg", video.poster.name)
    with default_storage.open(video.file.name) as stored:
        assert stored.read() == mp4_bytes()


def test_a_poster_that_is_not_an_image_gets_a_vietnamese_error(editor_client):
    data = _video_data(
        url="https://youtu.be/M7lc1UVf-VE",
        poster=SimpleUploadedFile("poster.jpg", b"GIF89a not really"),
    )
    response = editor_client.post(ADD_VIDEO, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "poster": ["Tệp không phải là ảnh hợp lệ. Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF."]
    }
