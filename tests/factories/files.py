"""Files built in memory, as a browser would upload them."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(
    fmt: str = "JPEG", size=(64, 48), colour=(200, 16, 46), mode="RGB", **save
) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, colour if mode != "1" else 0).save(buffer, fmt, **save)
    return buffer.getvalue()


def upload(name="anh.jpg", fmt="JPEG", content_type="image/jpeg", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes(fmt, **kwargs), content_type=content_type)
