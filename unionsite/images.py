"""Image uploads shared by every app (article covers, editor uploads, congress photos).

Every uploaded image is checked by Pillow before anything is stored: only JPEG, PNG, WebP
and GIF (never SVG, which can carry script), at most ``MAX_UPLOAD_BYTES`` and
``MAX_PIXELS``, so a small file that would decode to gigabytes (a "decompression bomb") is
refused with a form error instead of exhausting memory. Accepted images are decoded and
re-encoded, which drops EXIF (GPS positions) and anything appended to the file, and saved
under a random name so uploads never overwrite each other or reveal the original file name.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from PIL import Image, ImageOps

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 12_000
# Pillow format name → (file extension, save options)
FORMATS = {
    "JPEG": ("jpg", {"quality": 88, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 88}),
    "GIF": ("gif", {}),
}
ACCEPTED = "JPEG, PNG, WebP hoặc GIF"
EXTENSIONS = {"jpg", "jpeg", "jpe", "jfif", "png", "webp", "gif"}


def _error(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _rewind(file) -> None:
    if hasattr(file, "seek"):
        file.seek(0)


def _open_checked(file) -> Image.Image:
    """Open ``file`` with Pillow after the size, format and pixel checks; raise ValidationError."""
    if file is None:
        raise _error("Chưa chọn tệp ảnh.", "required")
    size = getattr(file, "size", None)
    if size is None:
        _rewind(file)
        size = len(file.read())
    if size == 0:
        raise _error("Tệp ảnh rỗng.", "empty")
    if size > MAX_UPLOAD_BYTES:
        raise _error(
            f"Ảnh quá lớn ({size / 1024 / 1024:.1f} MB). Dung lượng tối đa là "
            f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB.",
            "too_large",
        )
    _rewind(file)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between 1x and 2x its own limit; treat that as a refusal too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file)
            image_format = image.format
            width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _error("Ảnh có quá nhiều điểm ảnh, không thể xử lý.", "too_many_pixels") from None
    except Exception:  # Pillow raises many types for garbage input
        raise _error(
            f"Tệp không phải là ảnh hợp lệ. Chỉ nhận ảnh {ACCEPTED}.", "invalid_image"
        ) from None
    if image_format not in FORMATS:
        raise _error(f"Định dạng ảnh không được hỗ trợ. Chỉ nhận ảnh {ACCEPTED}.", "invalid_format")
    if width * height > MAX_PIXELS or width > MAX_SIDE or height > MAX_SIDE:
        raise _error(
            f"Ảnh có kích thước {width}×{height} điểm ảnh, vượt giới hạn "
            f"{MAX_PIXELS // 1_000_000} triệu điểm ảnh.",
            "too_many_pixels",
        )
    try:
        image.verify()
        # verify() does not decode pixels: a truncated JPEG passes it and would only fail
        # when re-encoded on save (a 500 in the admin). Decode once here to refuse it now;
        # the decoded image is what this returns, so re-encoding does not decode it again.
        _rewind(file)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file)
            image.load()
    except Exception:
        raise _error(
            f"Tệp ảnh bị hỏng hoặc không đọc được. Chỉ nhận ảnh {ACCEPTED}.", "invalid_image"
        ) from None
    # A real image named "anh.php" or "anh.html" is refused too: nothing stored may look
    # like a script or a page to a misconfigured web server.
    name = getattr(file, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension and extension not in EXTENSIONS:
        raise _error(
            f"Phần mở rộng tệp “.{extension[:10]}” không được chấp nhận. "
            f"Chỉ nhận ảnh {ACCEPTED} (.jpg, .jpeg, .png, .webp, .gif).",
            "invalid_extension",
        )
    return image


def is_stored(file) -> bool:
    """True for a model's file that is already in storage, False for a new upload (an
    ``UploadedFile``, or a model file that wraps one and is not yet committed)."""
    return isinstance(file, FieldFile) and getattr(file, "_committed", True)


def validate_image_upload(file) -> None:
    """Raise ``ValidationError`` (Vietnamese message) unless ``file`` is an acceptable image.

    Usable as a model/form field validator. Leaves the file position at the start.
    A file that is already stored (re-saving a record without choosing a new one) was
    checked when it was uploaded and is not opened again: its handle is closed by then,
    and re-reading every stored photo on each save would only cost time.
    """
    if is_stored(file):
        return
    try:
        _open_checked(file)
    finally:
        _rewind(file)


def reencode_image(file, *, max_side: int | None = None) -> ContentFile:
    """Validate ``file``, decode it fully and re-encode it in its own format under a random
    name (``<uuid>.<ext>``), scaled down to ``max_side`` pixels on its longer side if given.
    Raises ``ValidationError`` like ``validate_image_upload``."""
    try:
        image = _open_checked(file)
    finally:
        _rewind(file)
    image_format = image.format
    try:
        image = ImageOps.exif_transpose(image)
        if max_side and max(image.size) > max_side:
            image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    except Exception:
        raise _error(
            f"Tệp ảnh bị hỏng hoặc không đọc được. Chỉ nhận ảnh {ACCEPTED}.", "invalid_image"
        ) from None
    extension, options = FORMATS[image_format]
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif (
        image_format == "WEBP"
        and image.mode not in ("RGB", "RGBA")
        or image_format == "PNG"
        and image.mode not in ("RGB", "RGBA", "L", "LA", "P")
    ):
        image = image.convert("RGBA")
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")
