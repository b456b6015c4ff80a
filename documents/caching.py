"""One version for every cached documents fragment (filter choices, the home block).

Saving or deleting a document, a file or one of the editable lists starts a new version; the
version also expires at the next local midnight, because a document's status (in force,
expired…) changes with the date and the home block shows it.
"""

import datetime
import uuid

from django.core.cache import cache
from django.utils import timezone

VERSION_KEY = "documents:version"
FRAGMENT_TTL = 300


def _seconds_to_midnight() -> int:
    now = timezone.localtime()
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time.min, tzinfo=now.tzinfo
    )
    return max(1, int((midnight - now).total_seconds()))


def version() -> str:
    value = cache.get(VERSION_KEY)
    if value is None:
        value = uuid.uuid4().hex[:12]
        cache.set(VERSION_KEY, value, _seconds_to_midnight())
    return value


def bump_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex[:12], _seconds_to_midnight())


def key(*parts) -> str:
    return ":".join(["documents", version(), *(str(part) for part in parts)])
