import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import image_bytes, upload
from unionsite import images
from unionsite.images import reencode_image, validate_image_upload


@pytest.mark.parametrize(
    ("fmt", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("GIF", "gif")]
)
def test_accepted_formats_are_reencoded_under_a_random_name(fmt, extension):
    result = reencode_image(upload(f"ảnh gốc.{extension}", fmt=fmt))
    assert result.name.endswith(f".{extension}")
    assert len(result.name) == len("0" * 32 + "." + extension)
    assert "gốc" not in result.name
    assert Image.open(io.BytesIO(result.read())).format == fmt


def test_two_uploads_of_one_file_get_different_names():
    assert reencode_image(upload()).name != reencode_image(upload()).name


def test_reencoding_drops_exif_gps():
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (19.0, 48.0, 0.0)}  # GPSInfo
    exif[0x010F] = "Camera Maker"
    source = upload(exif=exif.tobytes())
    assert Image.open(io.BytesIO(source.read())).getexif()
    source.seek(0)
    cleaned = Image.open(io.BytesIO(reencode_image(source).read()))
    assert dict(cleaned.getexif()) == {}


def _rejected(file) -> str:
    with pytest.raises(ValidationError) as info:
        validate_image_upload(file)
    return info.value.messages[0]


def test_svg_is_rejected():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    message = _rejected(SimpleUploadedFile("logo.svg", svg, content_type="image/svg+xml"))
    assert message == "Tệp không phải là ảnh hợp lệ. Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF."


def test_text_file_named_jpg_is_rejected():
    message = _rejected(SimpleUploadedFile("anh.jpg", b"not an image at all"))
    assert message.startswith("Tệp không phải là ảnh hợp lệ")


def test_other_image_formats_are_rejected():
    message = _rejected(SimpleUploadedFile("anh.bmp", image_bytes("BMP")))
    assert message == "Định dạng ảnh không được hỗ trợ. Chỉ nhận ảnh JPEG, PNG, WebP hoặc GIF."


def test_truncated_image_is_rejected():
    data = image_bytes("PNG", size=(300, 300))
    with pytest.raises(ValidationError):
        reencode_image(SimpleUploadedFile("cut.png", data[: len(data) // 2]))


def test_empty_file_is_rejected():
    assert _rejected(SimpleUploadedFile("empty.jpg", b"")) == "Tệp ảnh rỗng."


def test_oversized_file_is_rejected():
    data = image_bytes()
    big = SimpleUploadedFile("big.jpg", data + b"\0" * (images.MAX_UPLOAD_BYTES + 1 - len(data)))
    assert _rejected(big).startswith("Ảnh quá lớn (10.0 MB). Dung lượng tối đa là 10 MB.")


def test_too_many_pixels_is_rejected():
    # 7000×7000 = 49 megapixels in a few kilobytes of PNG.
    data = image_bytes("PNG", size=(7000, 7000), mode="1")
    assert len(data) < 100_000
    message = _rejected(SimpleUploadedFile("wide.png", data))
    assert message == "Ảnh có kích thước 7000×7000 điểm ảnh, vượt giới hạn 40 triệu điểm ảnh."


def test_decompression_bomb_is_rejected_not_crashing():
    # 20000×20000 is over twice Pillow's own limit: Pillow raises on open; we report it.
    data = image_bytes("PNG", size=(20000, 20000), mode="1")
    assert _rejected(SimpleUploadedFile("bomb.png", data)) == (
        "Ảnh có quá nhiều điểm ảnh, không thể xử lý."
    )


def test_validation_leaves_the_file_readable_from_the_start():
    file = upload()
    validate_image_upload(file)
    assert file.read(3) == b"\xff\xd8\xff"
