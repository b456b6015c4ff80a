"""Video addresses and uploaded video files: what is accepted, and how it is played.

A video item is either a YouTube or Facebook address, parsed here into the one form the site
embeds (YouTube through ``youtube-nocookie.com``), or an uploaded MP4 file, accepted only when
its bytes are an ISO base media file (an ``ftyp`` box with an MP4 brand first, then a ``moov``
box among the top-level boxes) — a renamed page or program is refused with a form error.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from django.core.exceptions import ValidationError

YOUTUBE = "youtube"
FACEBOOK = "facebook"
# The only hosts a video page may frame (CSP frame-src on that page, gallery/views.py).
EMBED_ORIGINS = ("https://www.youtube-nocookie.com", "https://www.facebook.com")

_YOUTUBE_HOSTS = {
    "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
    "youtube-nocookie.com", "www.youtube-nocookie.com",
}  # fmt: skip
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_FACEBOOK_HOSTS = {"facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"}
_DIGITS = re.compile(r"^\d{5,25}$")
MAX_URL = 500

BAD_URL = (
    "Địa chỉ video không hợp lệ. Hãy dán địa chỉ một video YouTube "
    "(https://www.youtube.com/watch?v=…, https://youtu.be/…) hoặc Facebook "
    "(https://www.facebook.com/…/videos/…)."
)


@dataclass(frozen=True)
class VideoRef:
    provider: str  # YOUTUBE or FACEBOOK
    key: str  # the YouTube id, or the Facebook video's canonical address

    @property
    def watch_url(self) -> str:
        """Where the link goes without JavaScript (the provider's own page)."""
        if self.provider == YOUTUBE:
            return f"https://www.youtube.com/watch?v={self.key}"
        return self.key

    @property
    def embed_url(self) -> str:
        """The player loaded after the reader's click."""
        if self.provider == YOUTUBE:
            return f"https://www.youtube-nocookie.com/embed/{self.key}?autoplay=1&rel=0"
        return (
            "https://www.facebook.com/plugins/video.php?href="
            f"{quote(self.key, safe='')}&show_text=false&autoplay=true"
        )


def parse_video_url(url: str) -> VideoRef:
    """The video ``url`` points at; ``ValidationError`` (Vietnamese) for anything else."""
    url = (url or "").strip()
    if not url or len(url) > MAX_URL:
        raise ValidationError(BAD_URL, code="bad_url")
    try:
        parts = urlsplit(url if "://" in url else f"https://{url}")
        port = parts.port
    except ValueError:  # "javascript:alert(1)//…" has a non-numeric "port"
        raise ValidationError(BAD_URL, code="bad_url") from None
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"http", "https"} or parts.username or port not in {None, 443}:
        raise ValidationError(BAD_URL, code="bad_url")
    segments = [s for s in parts.path.split("/") if s]
    query = parse_qs(parts.query)
    if host in _YOUTUBE_HOSTS or host == "youtu.be":
        if host == "youtu.be":
            candidate = segments[0] if segments else ""
        elif segments[:1] == ["watch"]:
            candidate = (query.get("v") or [""])[0]
        elif len(segments) >= 2 and segments[0] in {"embed", "shorts", "live", "v"}:
            candidate = segments[1]
        else:
            candidate = ""
        if _YOUTUBE_ID.match(candidate):
            return VideoRef(YOUTUBE, candidate)
    elif host in _FACEBOOK_HOSTS:
        video_id = ""
        if len(segments) >= 3 and segments[-2] == "videos":
            video_id = segments[-1]
        elif segments[:1] == ["reel"] and len(segments) == 2:
            video_id = segments[1]
        elif segments[:1] in (["watch"], ["video.php"]):
            video_id = (query.get("v") or [""])[0]
        if _DIGITS.match(video_id):
            return VideoRef(FACEBOOK, f"https://www.facebook.com/watch/?v={video_id}")
    raise ValidationError(BAD_URL, code="bad_url")


# --- uploaded MP4 -----------------------------------------------------------------------------

MAX_VIDEO_BYTES = 200 * 1024 * 1024
# Brands of MP4 files browsers play; QuickTime ("qt  ") and 3GP are refused.
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ",
              b"dash", b"mmp4", b"MSNV"}  # fmt: skip
NOT_MP4 = "Tệp không phải là video MP4 hợp lệ. Chỉ nhận video MP4 (H.264/AAC)."


def validate_mp4_upload(file) -> None:
    """Raise ``ValidationError`` unless ``file`` is an MP4 container (checked by its boxes,
    not by its name or the browser's content type). Leaves the position at the start."""
    size = getattr(file, "size", None) or 0
    if size > MAX_VIDEO_BYTES:
        raise ValidationError(
            f"Video quá lớn ({size / 1024 / 1024:.0f} MB). Dung lượng tối đa là "
            f"{MAX_VIDEO_BYTES // 1024 // 1024} MB.",
            code="too_large",
        )
    name = getattr(file, "name", "") or ""
    if not name.lower().endswith((".mp4", ".m4v")):
        raise ValidationError(NOT_MP4, code="invalid_extension")
    try:
        boxes = _top_level_boxes(file, size)
    finally:
        file.seek(0)
    if not boxes or boxes[0][0] != b"ftyp" or b"moov" not in {kind for kind, _ in boxes}:
        raise ValidationError(NOT_MP4, code="not_mp4")


def _top_level_boxes(file, size: int) -> list[tuple[bytes, bytes]]:
    """(type, first bytes) of each top-level box, or [] if the boxes do not tile the file."""
    boxes = []
    offset = 0
    file.seek(0)
    while offset < size and len(boxes) < 1000:
        file.seek(offset)
        header = file.read(16)
        if len(header) < 8:
            return []
        length = int.from_bytes(header[:4], "big")
        kind = header[4:8]
        if length == 1 and len(header) == 16:
            length = int.from_bytes(header[8:16], "big")
        elif length == 0:
            length = size - offset  # the last box runs to the end of the file
        if length < 8 or offset + length > size or not kind.isalnum():
            return []
        if not boxes and (kind != b"ftyp" or header[8:12] not in MP4_BRANDS):
            return []
        boxes.append((kind, header[8:12]))
        offset += length
    return boxes if offset == size else []
