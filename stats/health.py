"""Storage failures: logged once per outage, then the storage is left alone for a moment.

The counter must never take a page down. Each process remembers whether the database is
failing; the first failure is logged as a warning, later ones are not, and the first
success afterwards logs the recovery. While a failure is fresh (``STATS_RETRY_SECONDS``) the
counter does not even try, so an outage does not add a connection attempt or a lock wait to
every page.
"""

import logging
import time

from . import conf

logger = logging.getLogger("stats")


class StorageHealth:
    def __init__(self, name: str):
        self.name = name
        self.failing = False
        self.retry_at = 0.0

    def available(self) -> bool:
        return time.monotonic() >= self.retry_at

    def failed(self, exc: BaseException) -> None:
        self.retry_at = time.monotonic() + conf.retry_seconds()
        if not self.failing:
            self.failing = True
            logger.warning(
                "Visitor counter: %s unavailable, showing last known numbers (%s: %s)",
                self.name,
                type(exc).__name__,
                str(exc).strip().splitlines()[0] if str(exc).strip() else "",
            )

    def succeeded(self) -> None:
        if self.failing:
            self.failing = False
            logger.info("Visitor counter: %s available again", self.name)

    def reset(self) -> None:
        self.failing = False
        self.retry_at = 0.0


# The cache needs no watcher of its own: unionsite.cache.ResilientRedisCache already reads an
# outage as a miss, logs it once and leaves Redis alone for a few seconds.
database = StorageHealth("database")


def reset() -> None:
    """Forget past failures (a fresh process)."""
    database.reset()
