"""Video addresses and MP4 uploads: what is accepted, and the Vietnamese refusal otherwise."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gallery.media import BAD_URL, NOT_MP4, parse_video_url, validate_mp4_upload
from tests.factories import jpeg, mp4_box, mp4_bytes


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=M7lc1UVf-VE",
        "https://youtube.com/watch?v=M7lc1UVf-VE&t=42s&list=PL123",
        "https://m.youtube.com/watch?v=M7lc1UVf-VE",
        "https://youtu.be/M7lc1UVf-VE?si=abc",
        "https://www.youtube.com/shorts/M7lc1UVf-VE",
        "https://www.youtube.com/embed/M7lc1UVf-VE",
        "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE",
        "www.youtube.com/watch?v=M7lc1UVf-VE",
    ],
)
def test_youtube_addresses_become_one_nocookie_embed(url):
    ref = parse_video_url(url)
    assert (ref.provider, ref.key) == ("youtube", "M7lc1UVf-VE")
    assert ref.embed_url == "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1&rel=0"
    assert ref.watch_url == "https://www.youtube.com/watch?v=M7lc1UVf-VE"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.facebook.com/congdoanthanhhoa/videos/1234567890123/",
        "https://m.facebook.com/watch/?v=1234567890123",
        "https://www.facebook.com/video.php?v=1234567890123",
        "https://www.facebook.com/reel/1234567890123",
    ],
)
def test_facebook_addresses_become_the_canonical_watch_address(url):
    ref = parse_video_url(url)
    assert (ref.provider, ref.key) == (
        "facebook",
        "https://www.facebook.com/watch/?v=1234567890123",
    )
    assert ref.embed_url == (
        "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch"
        "%2F%3Fv%3D1234567890123&show_text=false&autoplay=true"
    )


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://www.youtube.com/watch?v=short",
        'https://www.youtube.com/watch?v=M7lc1UVf-VE"><script>',
        "https://www.youtube.com/channel/UC123",
        "https://youtube.com.evil.example/watch?v=M7lc1UVf-VE",
        "https://evil.example/?u=https://youtu.be/M7lc1UVf-VE",
        "javascript:alert(1)//youtu.be/M7lc1UVf-VE",
        "ftp://youtu.be/M7lc1UVf-VE",
        "https://user@youtu.be/M7lc1UVf-VE",
        "https://youtu.be:8080/M7lc1UVf-VE",
        "https://www.facebook.com/congdoanthanhhoa/",
        "https://www.facebook.com/congdoanthanhhoa/videos/abc/",
        "https://vimeo.com/123456",
        "https://youtu.be/" + "a" * 600,
    ],
)
def test_other_addresses_are_refused_in_vietnamese(url):
    with pytest.raises(ValidationError) as caught:
        parse_video_url(url)
    assert caught.value.messages == [BAD_URL]


def _upload(content: bytes, name="video.mp4") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="video/mp4")


def test_an_mp4_container_is_accepted_and_rewound():
    upload = _upload(mp4_bytes())
    validate_mp4_upload(upload)
    assert upload.tell() == 0


@pytest.mark.parametrize(
    "content, name",
    [
        (b"<html><script>alert(1)</script></html>", "video.mp4"),  # a page named .mp4
        (jpeg(), "video.mp4"),
        (mp4_bytes(brand=b"qt  "), "video.mp4"),  # QuickTime, not MP4
        (mp4_bytes()[:-10], "video.mp4"),  # truncated: the boxes do not tile the file
        (
            mp4_box(b"ftyp", b"isom\x00\x00\x02\x00isom") + mp4_box(b"mdat", bytes(20)),
            "video.mp4",
        ),  # no moov
        (mp4_bytes(), "video.php"),
        (b"", "video.mp4"),
    ],
)
def test_anything_else_is_refused_as_not_mp4(content, name):
    with pytest.raises(ValidationError) as caught:
        validate_mp4_upload(_upload(content, name))
    assert caught.value.messages == [NOT_MP4]
