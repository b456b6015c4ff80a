"""Image uploads shared by every app (article covers, editor uploads, congress photos).

Every uploaded image is checked by Pillow before anything is stored: only JPEG, PNG, WebP
and GIF (never SVG, which can carry script), at most ``MAX_UPLOAD_BYTES`` and
``MAX_PIXELS``, so a small file that would decode to gigabytes (a "decompression bomb") is
refused with a form error instead of exhausting memory. Accepted images are decoded and
re-encoded from their pixels and colour profile only (``pixels_only``): no EXIF (GPS
positions), no XMP, no JPEG or GIF comment, no PNG text chunk and nothing appended to the
file survives, so a JPEG holding ``<?php`` or a GIF that is also a script is stored as a plain
picture. They are saved under a random name so uploads never overwrite each other or reveal
the original file name. Thumbnails (easy-thumbnails) go through ``strip_metadata``, the same
rule as a processor (``THUMBNAIL_PROCESSORS`` in settings).
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from PIL import Image, ImageCms, ImageOps

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


# The colour space an ICC profile must describe to be kept with an image of each mode: a CMYK
# photo converted to RGB for JPEG must not carry its CMYK profile.
_PROFILE_SPACE = {"RGB": "RGB", "RGBA": "RGB", "P": "RGB", "L": "GRAY", "LA": "GRAY"}


def _colour_profile(image: Image.Image) -> bytes | None:
    """The image's ICC profile if it is a real profile for the image's colours, else None."""
    data = image.info.get("icc_profile")
    if not isinstance(data, bytes) or not data:
        return None
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data)).profile
    except Exception:  # not a profile: a blob someone put where a profile goes
        return None
    space = (profile.xcolor_space or "").strip()
    return data if _PROFILE_SPACE.get(image.mode) == space else None


def pixels_only(image: Image.Image) -> tuple[Image.Image, dict]:
    """A copy of ``image`` that carries nothing but its pixels, and the save options that
    write its colour profile back (``{"icc_profile": …}`` or ``{}``).

    Pillow copies what a file held besides pixels (``image.info``: JPEG and GIF comments,
    XMP, EXIF, PNG text chunks) into what it writes, so the copy starts from an empty
    ``info``. Only a palette image's transparent colour index is kept: it is part of the
    picture. A palette image whose transparency is a table of bytes (PNG tRNS) becomes RGBA.
    """
    transparency = image.info.get("transparency")
    if isinstance(transparency, bytes):
        image = image.convert("RGBA")
        transparency = None
    profile = _colour_profile(image)
    clean = image.copy()
    clean.info = {}
    if isinstance(transparency, int) or (
        isinstance(transparency, tuple) and all(isinstance(v, int) for v in transparency)
    ):
        clean.info["transparency"] = transparency
    return clean, ({"icc_profile": profile} if profile else {})


def strip_metadata(image: Image.Image, **kwargs) -> Image.Image:
    """easy-thumbnails processor (last in ``THUMBNAIL_PROCESSORS``): the thumbnail keeps
    the pixels and colour profile only, whatever the source file held."""
    clean, options = pixels_only(image)
    clean.info.update(options)  # easy-thumbnails writes the profile from ``info``
    return clean


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
    source_space = _PROFILE_SPACE.get(image.mode)
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif (
        image_format == "WEBP"
        and image.mode not in ("RGB", "RGBA")
        or image_format == "PNG"
        and image.mode not in ("RGB", "RGBA", "L", "LA", "P")
    ):
        image = image.convert("RGBA")
    if _PROFILE_SPACE.get(image.mode) != source_space:
        # Converted (CMYK → RGB): the source's profile no longer describes these colours.
        image.info.pop("icc_profile", None)
    image, profile = pixels_only(image)
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options, **profile)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")
