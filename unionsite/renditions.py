"""Image renditions (article cards and pages, album photos) with easy-thumbnails, without SQL
on the read path.

easy-thumbnails records each generated thumbnail in its database tables, and its template
filters look them up on every render — one or two queries per image, which would make a
listing's query count grow with the number of cards. Thumbnail names are deterministic, so
renditions are generated when an image is saved (``generate_renditions``) and templates
only compute the name, a file-existence check on storage and the size from the stored
original dimensions.
"""

import logging

from easy_thumbnails.alias import aliases
from easy_thumbnails.files import get_thumbnailer

logger = logging.getLogger(__name__)

# The aliases of an article cover; other apps name their own (settings.THUMBNAIL_ALIASES).
ALIASES = ("card", "article", "small")


def _target_size(alias: str, width: int | None, height: int | None) -> tuple[int, int] | None:
    options = aliases.get(alias) or {}
    target_w, target_h = options.get("size", (0, 0))
    if not width or not height:
        return None
    if options.get("crop"):
        scale = min(1.0, max(target_w / width, target_h / height))
        return min(target_w, round(width * scale)), min(target_h, round(height * scale))
    scales = [
        s for s in (target_w / width if target_w else 0, target_h / height if target_h else 0) if s
    ]
    scale = min([1.0, *scales])
    return round(width * scale), round(height * scale)


def generate_renditions(fieldfile, names=ALIASES) -> None:
    """Create the aliases ``names`` of ``fieldfile`` now (on save), so readers never wait."""
    thumbnailer = get_thumbnailer(fieldfile)
    for alias in names:
        try:
            thumbnailer.get_thumbnail(aliases.get(alias), generate=True)
        except Exception:  # a broken file must not stop the save; the original is still shown
            logger.exception("Không tạo được ảnh thu nhỏ %s cho %s", alias, fieldfile.name)


def rendition(fieldfile, alias: str, width: int | None = None, height: int | None = None):
    """``{"url", "width", "height"}`` of ``fieldfile`` in ``alias``, or None without an image.

    Falls back to the original file when the rendition is missing on storage."""
    if not fieldfile:
        return None
    thumbnailer = get_thumbnailer(fieldfile)
    options = aliases.get(alias)
    size = _target_size(alias, width, height)
    try:
        name = thumbnailer.get_thumbnail_name(options)
        storage = thumbnailer.thumbnail_storage
        if storage.exists(name):
            w, h = size or (None, None)
            return {"url": storage.url(name), "width": w, "height": h}
    except Exception:
        logger.exception("Không đọc được ảnh thu nhỏ %s cho %s", alias, fieldfile.name)
    return {"url": fieldfile.url, "width": width, "height": height}
