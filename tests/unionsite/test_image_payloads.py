"""Hostile images keep nothing but their pixels, wherever they are uploaded.

Each sample is a real, valid picture that also carries a payload the way attackers and
careless tools do (a JPEG comment holding PHP, a GIF comment holding a script, a GIF that is
also JavaScript, PNG text chunks, XMP, EXIF with GPS, data after the end of the image). Each
is stored through the site's upload paths (an article cover saved as the admin saves it, a
congress photo through its admin form, the site logo, the editor's image upload) and the
stored file and every thumbnail are read back from storage: the payload must be gone.
"""

import io
import struct
import zlib

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from easy_thumbnails.files import get_thumbnailer
from PIL import Image, ImageCms, PngImagePlugin

from congresses.admin import CongressPhotoForm
from congresses.models import Congress, CongressPhoto, Organisation, Term
from news.models import Article
from unionsite.images import reencode_image
from unionsite.models import SiteProfile
from unionsite.renditions import ALIASES

MARK = b"PAYLOAD13"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description dc:creator="' + MARK + b'"/></rdf:RDF></x:xmpmeta>'
)
# Strings that must not be found in any stored byte, besides the marker itself.
FORBIDDEN = [MARK, b"<?php", b"<script", b"alert(", b"xmpmeta", b"Exif\x00\x00", b"GPS"]


def _picture(mode="RGB", size=(64, 48)) -> Image.Image:
    """A picture with some detail, so encoders do not reduce it to nothing."""
    image = Image.linear_gradient("L").resize(size)
    return Image.merge(
        "RGB", [image, image.transpose(Image.Transpose.FLIP_LEFT_RIGHT), image]
    ).convert(mode)


def _save(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010E] = "GPS " + MARK.decode()  # ImageDescription
    exif[0x8825] = {1: "N", 2: (19.0, 48.0, 0.0), 3: "E", 4: (105.0, 46.0, 0.0)}  # GPSInfo
    return exif.tobytes()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_with_chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG with an extra chunk written just before IEND (Pillow keeps text chunks there)."""
    png = _save(_picture(), "PNG")
    end = png.rindex(b"IEND") - 4
    return png[:end] + _png_chunk(kind, data) + png[end:]


def _gif_js_polyglot() -> bytes:
    """A GIF whose header is also the start of a JavaScript program: a width of 0x2A2F reads
    as ``GIF89a/*``; the comment closes the JS comment and runs ``alert``."""
    gif = _save(_picture("L", (0x2A2F, 200)).convert("P"), "GIF", comment=b"*/=alert(1)//" + MARK)
    assert gif.startswith(b"GIF89a/*")
    return gif + b"\n=alert(" + MARK + b");"


SAMPLES = {
    "jpeg-comment-php": ("jpg", lambda: _save(_picture(), "JPEG", comment=b"<?php " + MARK)),
    "jpeg-xmp": ("jpg", lambda: _save(_picture(), "JPEG", xmp=XMP)),
    "jpeg-exif-gps": ("jpg", lambda: _save(_picture(), "JPEG", exif=_gps_exif())),
    "jpeg-after-eoi": (
        "jpg",
        lambda: _save(_picture(), "JPEG") + b"<?php system($_GET[c]); " + MARK,
    ),
    "jpeg-fake-icc": ("jpg", lambda: _save(_picture(), "JPEG", icc_profile=b"<?php " + MARK * 40)),
    "gif-comment-script": (
        "gif",
        lambda: _save(_picture().convert("P"), "GIF", comment=b"<script>" + MARK + b"</script>"),
    ),
    "gif-js-polyglot": ("gif", _gif_js_polyglot),
    "gif-after-trailer": (
        "gif",
        lambda: _save(_picture().convert("P"), "GIF") + b"<script>" + MARK,
    ),
    "png-text": ("png", lambda: _png_with_chunk(b"tEXt", b"Comment\x00<?php " + MARK)),
    "png-itxt": (
        "png",
        lambda: _png_with_chunk(b"iTXt", b"Comment\x00\x00\x00\x00\x00<script>" + MARK),
    ),
    "png-xmp": (
        "png",
        lambda: _png_with_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP),
    ),
    "png-exif": ("png", lambda: _save(_picture(), "PNG", exif=_gps_exif())),
    "png-after-iend": ("png", lambda: _save(_picture(), "PNG") + b"<?php " + MARK),
    "png-pillow-text": (
        "png",
        lambda: _save(
            _picture(), "PNG", pnginfo=_pnginfo("Description", "<script>" + MARK.decode())
        ),
    ),
    "webp-exif-xmp": ("webp", lambda: _save(_picture(), "WEBP", exif=_gps_exif(), xmp=XMP)),
}


def _pnginfo(key: str, value: str) -> PngImagePlugin.PngInfo:
    info = PngImagePlugin.PngInfo()
    info.add_itxt(key, value)
    return info


def _upload(sample: str) -> SimpleUploadedFile:
    extension, build = SAMPLES[sample]
    data = build()
    assert MARK in data  # the sample really carries its payload
    Image.open(io.BytesIO(data)).load()  # and is a picture Pillow accepts
    return SimpleUploadedFile(f"anh.{extension}", data, content_type=f"image/{extension}")


def _assert_clean(name: str) -> None:
    with default_storage.open(name) as stored:
        data = stored.read()
    found = [word for word in FORBIDDEN if word in data]
    assert found == [], f"{name} still holds {found}"
    image = Image.open(io.BytesIO(data))
    image.load()
    assert dict(image.getexif()) == {}
    assert "comment" not in image.info and "xmp" not in image.info


def _thumbnails(fieldfile) -> list[str]:
    thumbnailer = get_thumbnailer(fieldfile)
    made = [thumbnailer.get_thumbnail({"size": (32, 32), "crop": "smart"}).name]
    made.append(thumbnailer.get_thumbnail({"size": (100, 0)}).name)
    return made


@pytest.fixture
def congress(db):
    term = Term.objects.create(start_year=2023, end_year=2028, is_current=True)
    province = Organisation.objects.create(
        name="LĐLĐ tỉnh Thanh Hóa", code="THANHHOA", level=Organisation.Level.PROVINCE
    )
    federation = Organisation.objects.create(
        name="LĐLĐ huyện Thọ Xuân",
        code="THOXUAN",
        parent=province,
        level=Organisation.Level.FEDERATION,
        federation_kind=Organisation.FederationKind.DISTRICT,
    )
    return Congress.objects.create(
        organisation=federation, term=term, level=Congress.Level.DISTRICT
    )


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.django_db
def test_article_cover_and_its_renditions_hold_no_payload(sample):
    article = Article(title=f"Bài có ảnh {sample}", cover=_upload(sample), cover_alt="Ảnh")
    article.full_clean()
    article.save()  # the signal makes every rendition, as the admin's save does
    _assert_clean(article.cover.name)
    thumbnailer = get_thumbnailer(article.cover)
    from easy_thumbnails.alias import aliases

    for alias in ALIASES:
        _assert_clean(thumbnailer.get_thumbnail(aliases.get(alias)).name)


@pytest.mark.parametrize("sample", SAMPLES)
def test_congress_photo_from_the_admin_form_holds_no_payload(sample, congress):
    upload = _upload(sample)
    form = CongressPhotoForm(
        data={"caption": "Đại hội", "position": 0},
        files={"image": upload},
        instance=CongressPhoto(congress=congress),
    )
    assert form.is_valid(), form.errors
    photo = form.save()
    _assert_clean(photo.image.name)
    for name in _thumbnails(photo.image):
        _assert_clean(name)


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.django_db
def test_site_logo_holds_no_payload(sample):
    profile = SiteProfile(site_name="LĐLĐ Thanh Hóa", logo=_upload(sample))
    profile.full_clean()
    profile.save()
    _assert_clean(profile.logo.name)
    for name in _thumbnails(profile.logo):
        _assert_clean(name)


@pytest.mark.parametrize("sample", ["jpeg-comment-php", "gif-js-polyglot", "png-itxt"])
@pytest.mark.django_db
def test_editor_image_upload_holds_no_payload(client, sample):
    editor = User.objects.create_user("bientap", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    client.force_login(editor)
    response = client.post("/ckeditor5/image_upload/", {"upload": _upload(sample)})
    assert response.status_code == 200, response.content
    url = response.json()["url"]
    _assert_clean(url.split("/media/", 1)[1])


def test_a_real_colour_profile_is_kept():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    for extension, fmt in [("jpg", "JPEG"), ("png", "PNG"), ("webp", "WEBP")]:
        data = (
            _save(_picture(), fmt, icc_profile=srgb, comment=b"<?php")
            if fmt == "JPEG"
            else (_save(_picture(), fmt, icc_profile=srgb))
        )
        cleaned = reencode_image(SimpleUploadedFile(f"anh.{extension}", data))
        assert Image.open(io.BytesIO(cleaned.read())).info.get("icc_profile") == srgb, fmt


def test_a_cmyk_profile_is_not_kept_on_the_rgb_copy():
    cmyk = Image.new("CMYK", (16, 16), (0, 50, 100, 0))
    rgb_profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    # A CMYK JPEG claiming an RGB profile, and one with no profile: both come back RGB without
    # a profile that would misdescribe their colours.
    for options in ({"icc_profile": rgb_profile}, {}):
        cleaned = reencode_image(SimpleUploadedFile("anh.jpg", _save(cmyk, "JPEG", **options)))
        image = Image.open(io.BytesIO(cleaned.read()))
        assert (image.mode, image.info.get("icc_profile")) == ("RGB", None)


def test_a_transparent_gif_stays_transparent():
    image = _picture().convert("P")
    gif = _save(image, "GIF", transparency=0, comment=b"<script>")
    cleaned = Image.open(io.BytesIO(reencode_image(SimpleUploadedFile("a.gif", gif)).read()))
    assert cleaned.info.get("transparency") is not None
    assert b"<script" not in reencode_image(SimpleUploadedFile("a.gif", gif)).read()


@pytest.mark.parametrize("sample", ["jpeg-comment-php", "gif-comment-script", "png-itxt"])
@pytest.mark.django_db
def test_thumbnails_of_a_file_stored_before_re_encoding_hold_no_payload(sample):
    # Files stored before this rule (or copied into media by hand) still carry their payload;
    # the thumbnail processor strips it from every rendition made of them.
    upload = _upload(sample)
    name = default_storage.save(f"legacy/{upload.name}", upload)
    with default_storage.open(name) as stored:
        assert MARK in stored.read()
    for made in _thumbnails(get_thumbnailer(default_storage.open(name), relative_name=name)):
        _assert_clean(made)
