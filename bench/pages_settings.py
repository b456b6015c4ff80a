"""Settings for the page benchmarks: the project's settings plus one constant view.

``DJANGO_SETTINGS_MODULE=bench.pages_settings`` is the only difference from production; the
middleware stack, templates, cache and database settings are the project's own.
"""

from unionsite.settings import *  # noqa: F403

ROOT_URLCONF = "bench.pages_urls"
