"""The one place the counter asks for the time, so tests can set it."""

from datetime import datetime

from django.utils import timezone

_fixed: datetime | None = None


def now() -> datetime:
    return _fixed if _fixed is not None else timezone.now()


def set_now(value: datetime | None) -> None:
    """Fix the counter's clock at ``value`` (an aware datetime); ``None`` returns to real time."""
    global _fixed
    _fixed = value
