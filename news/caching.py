"""Fragment-cache invalidation for news listings.

Every cached news fragment has the current *generation* in its key. Saving or deleting an
article, category, tag or page starts a new generation, so the next request renders fresh
fragments (the old ones expire on their own). The generation key also expires just after the
next scheduled ``publish_at``, so a scheduled article appears on time even though nothing was
saved at that moment. Reading the generation costs no SQL query.
"""

import uuid

from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

from .models import Article

GENERATION_KEY = "news:generation"
# Without knowing the schedule (e.g. after a cache flush), refresh at least this often.
UNKNOWN_SCHEDULE_TTL = 60
MAX_TTL = 3600
FRAGMENT_TTL = 300


def generation() -> str:
    """The current cache generation (created on first use)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex[:12]
        cache.set(GENERATION_KEY, value, UNKNOWN_SCHEDULE_TTL)
    return value


def bump_generation() -> None:
    """Start a new generation; it lasts until the next scheduled article is due."""
    now = timezone.now()
    next_due = (
        Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=now)
        .aggregate(at=Min("publish_at"))
        .get("at")
    )
    ttl = MAX_TTL
    if next_due is not None:
        ttl = max(1, min(MAX_TTL, int((next_due - now).total_seconds()) + 1))
    cache.set(GENERATION_KEY, uuid.uuid4().hex[:12], ttl)


def key(*parts) -> str:
    """A fragment key in the current generation: ``key("home")`` → "news:<gen>:home"."""
    return ":".join(["news", generation(), *(str(part) for part in parts)])
