"""Uploaded spreadsheets waiting for the officer's "Xác nhận nhập" (between preview and import).

The file is kept in ``settings.CONGRESS_IMPORT_DIR`` under a random token and the uploader's
account id, so only the account that uploaded it can confirm it; it expires after
``EXPIRES`` and expired files are removed whenever a file is kept or confirmed. Confirming
removes the file whatever the outcome.
"""

import re
import secrets
import time
from pathlib import Path

from django.conf import settings

EXPIRES = 60 * 60  # seconds
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")
EXTENSIONS = (".xlsx", ".csv")


def _directory() -> Path:
    directory = Path(settings.CONGRESS_IMPORT_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def _path(user, token: str, extension: str) -> Path:
    return _directory() / f"{user.pk}-{token}{extension}"


def sweep(*, now: float | None = None) -> int:
    """Remove files older than EXPIRES; return how many were removed."""
    now = time.time() if now is None else now
    removed = 0
    for path in _directory().glob("*"):
        try:
            if now - path.stat().st_mtime > EXPIRES:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    return removed


def keep(*, user, content: bytes, extension: str) -> str:
    """Store ``content`` for ``user`` and return the token that finds it again."""
    sweep()
    if extension not in EXTENSIONS:
        raise ValueError(extension)
    token = secrets.token_urlsafe(24)
    _path(user, token, extension).write_bytes(content)
    return token


def take(*, user, token: str, extension: str) -> bytes | None:
    """The content ``user`` stored under ``token`` and removes it; None if it is not theirs,
    has expired or was already used."""
    sweep()
    if not _TOKEN.fullmatch(token or "") or extension not in EXTENSIONS:
        return None
    path = _path(user, token, extension)
    try:
        content = path.read_bytes()
        path.unlink()
    except FileNotFoundError:
        return None
    return content
