"""Hostile uploads, one test per file, through the CKEditor endpoint and the admin cover field.

Only JPEG, PNG, WebP and GIF that Pillow can decode are accepted; each is re-encoded and
stored under a random name. Everything else is refused with a Vietnamese message and
nothing is written to MEDIA_ROOT.
"""

import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.models import Article

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
UPLOAD = "/ckeditor5/image_upload/"
ADD_ARTICLE = f"/{settings.ADMIN_URL}news/article/add/"


def jpeg(size=(64, 48), noise=False, **save) -> bytes:
    image = Image.effect_noise(size, 60).convert("RGB") if noise else Image.new("RGB", size, "red")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **save)
    return buffer.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width``×``height`` pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    rows = zlib.compress(b"\x00" * 1024, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.cookie)</script></svg>"
)
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
PHP = b"<?php system($_GET['c']); ?>"

# name → (file name, content type, bytes, words the Vietnamese message must contain)
HOSTILE = {
    "svg": ("anh.svg", "image/svg+xml", SVG, "không phải là ảnh hợp lệ"),
    "svg-named-png": ("anh.png", "image/png", SVG, "không phải là ảnh hợp lệ"),
    "html": ("trang.html", "text/html", HTML, "không phải là ảnh hợp lệ"),
    "html-named-jpg": ("anh.jpg", "image/jpeg", HTML, "không phải là ảnh hợp lệ"),
    "gif-html-polyglot": (
        "anh.gif",
        "image/gif",
        b"GIF89a/*\x00\x00\x00\x00*/=1;" + HTML,
        "ảnh",
    ),
    "php-named-jpg": ("anh.jpg", "image/jpeg", PHP, "không phải là ảnh hợp lệ"),
    "truncated-jpeg": ("anh.jpg", "image/jpeg", jpeg((400, 300), noise=True)[:3000], "hỏng"),
    "bomb-30000x30000": ("bom.png", "image/png", png_declaring(30000, 30000), "quá nhiều điểm ảnh"),
    "bomb-8000x8000": ("bom.png", "image/png", png_declaring(8000, 8000), "vượt giới hạn"),
    "oversized-11mb": (
        "lon.jpg",
        "image/jpeg",
        jpeg() + b"\x00" * (11 * 1024 * 1024),
        "Ảnh quá lớn",
    ),
    "empty": ("rong.jpg", "image/jpeg", b"", "rỗng"),
    "jpeg-named-php": ("anh.php", "image/jpeg", jpeg(), "phần mở rộng"),
    "jpeg-named-html": ("anh.html", "text/html", jpeg(), "phần mở rộng"),
}


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def hostile(key: str) -> SimpleUploadedFile:
    name, content_type, data, _ = HOSTILE[key]
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture
def editor(client, make_staff):
    client.force_login(make_staff("bientap", "Biên tập viên"))
    return client


@pytest.mark.parametrize("key", HOSTILE)
def test_editor_upload_refuses_hostile_file(editor, key):
    response = editor.post(UPLOAD, {"upload": hostile(key)})
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert HOSTILE[key][3].lower() in message.lower(), message
    assert stored_files() == []


@pytest.mark.parametrize("key", HOSTILE)
def test_admin_cover_refuses_hostile_file(editor, key):
    response = editor.post(
        ADD_ARTICLE,
        {
            "title": "Bài có ảnh độc hại",
            "summary": "",
            "body": "<p>x</p>",
            "cover": hostile(key),
            "status": "draft",
            "publish_at_0": "2026-11-20",
            "publish_at_1": "08:00:00",
            "_save": "Lưu",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["cover"]
    assert errors, "the cover field shows an error"
    assert Article.objects.count() == 0
    assert stored_files() == []


def test_valid_jpeg_is_reencoded_and_stored_under_random_name(editor):
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh bí mật"  # camera make; GPS would sit in EXIF too
    original = jpeg((320, 240), noise=True, exif=exif.tobytes()) + b"<?php echo 1; ?>"
    response = editor.post(
        UPLOAD, {"upload": SimpleUploadedFile("Ảnh Hội nghị.jpg", original, "image/jpeg")}
    )
    assert response.status_code == 200
    url = response.json()["url"]
    [stored] = stored_files()
    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", stored.name)
    assert url.endswith("/" + stored.name)
    data = stored.read_bytes()
    assert data != original
    assert b"<?php" not in data and "Máy ảnh bí mật".encode() not in data
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (320, 240))
        assert not image.getexif()


def test_production_nginx_serves_media_with_nosniff_and_never_as_page():
    config = (ROOT / "deploy" / "nginx" / "unionsite.conf").read_text()
    media = config[config.index("location /media/") :]
    media = media[: media.index("location / ")]
    assert "add_header X-Content-Type-Options nosniff" in media
    assert re.search(r"location ~\* \\\.\(\?:html\?\|svg\|js\|php\|py\)\$ \{ return 404; \}", media)
