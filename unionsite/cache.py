"""A Redis cache that degrades to "no cache" while Redis is down, instead of failing pages.

Everything the site caches can be recomputed from the database, so a cache outage should
cost speed, not availability. Django's own RedisCache raises redis.ConnectionError from
every call; this subclass turns an error into a miss (reads) or a no-op (writes), logs it
once, and skips Redis for a few seconds so each page does not wait for a connect timeout.
"""

import functools
import logging
import threading
import time

import redis
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0
_MISS = object()


def _degrades(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._down_until:
                return fallback() if callable(fallback) else fallback
            try:
                result = method(self, *args, **kwargs)
            except (OSError, self._redis_errors) as exc:
                self._mark_down(exc)
                return fallback() if callable(fallback) else fallback
            self._mark_up()
            return result

        return wrapper

    return decorate


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._redis_errors = redis.RedisError
        self._down_until = 0.0
        self._lock = threading.Lock()
        self._warned = False

    def _mark_down(self, exc) -> None:
        with self._lock:
            self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            if not self._warned:
                logger.warning("Redis cache unavailable, serving without cache: %s", exc)
                self._warned = True

    def _mark_up(self) -> None:
        if self._warned:
            with self._lock:
                self._warned = False
            logger.warning("Redis cache available again")

    def get(self, key, default=None, version=None):
        value = self._get(key, version)
        return default if value is _MISS else value

    @_degrades(fallback=lambda: _MISS)
    def _get(self, key, version):
        return super().get(key, _MISS, version)

    @_degrades(fallback=False)
    def add(self, *args, **kwargs):
        return super().add(*args, **kwargs)

    @_degrades(fallback=None)
    def set(self, *args, **kwargs):
        return super().set(*args, **kwargs)

    @_degrades(fallback=False)
    def touch(self, *args, **kwargs):
        return super().touch(*args, **kwargs)

    @_degrades(fallback=False)
    def delete(self, *args, **kwargs):
        return super().delete(*args, **kwargs)

    @_degrades(fallback=dict)
    def get_many(self, *args, **kwargs):
        return super().get_many(*args, **kwargs)

    @_degrades(fallback=False)
    def has_key(self, *args, **kwargs):
        return super().has_key(*args, **kwargs)

    @_degrades(fallback=list)
    def set_many(self, *args, **kwargs):
        return super().set_many(*args, **kwargs)

    @_degrades(fallback=None)
    def delete_many(self, *args, **kwargs):
        return super().delete_many(*args, **kwargs)

    @_degrades(fallback=False)
    def clear(self):
        return super().clear()
