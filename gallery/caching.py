"""One version for every cached gallery fragment (the home block); any gallery save renews it."""

import uuid

from django.core.cache import cache

VERSION_KEY = "gallery:version"
FRAGMENT_TTL = 300


def version() -> str:
    value = cache.get(VERSION_KEY)
    if value is None:
        value = uuid.uuid4().hex[:12]
        cache.set(VERSION_KEY, value, None)
    return value


def bump_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex[:12], None)


def key(*parts) -> str:
    return ":".join(["gallery", version(), *(str(part) for part in parts)])
