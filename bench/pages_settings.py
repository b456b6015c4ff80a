"""Settings for the page benchmarks: the project's settings plus one constant view.

``DJANGO_SETTINGS_MODULE=bench.pages_settings`` is the only difference from production; the
middleware stack, templates, cache and database settings are the project's own.
"""

import os

from unionsite.settings import *  # noqa: F403

ROOT_URLCONF = "bench.pages_urls"

# EXPERIMENT (bench/pages_cache.py): BENCH_PAGE_CACHE=5 caches whole reader pages for 5 s
# behind the visitor counter, to measure what page caching would buy. Off by default.
BENCH_PAGE_CACHE = int(os.environ.get("BENCH_PAGE_CACHE", "0"))
if BENCH_PAGE_CACHE:
    MIDDLEWARE = [*MIDDLEWARE, "bench.pages_cache.PageCacheMiddleware"]  # noqa: F405
