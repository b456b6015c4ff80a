"""EXPERIMENT, benchmarks only: a short full-page cache behind the visitor counter.

``BENCH_PAGE_CACHE=<seconds>`` (bench/pages_settings.py) puts this middleware last in the
stack, after the visitor counter, so the counter still sees and counts every request; only
the view and its template are skipped on a hit. It answers "how far would caching whole
reader pages go towards the targets"; it is not a production design: it ignores editors'
previews, messages and per-user content, and it keys only on the path and the text-size cookie.
"""

from django.conf import settings
from django.core.cache import cache

from unionsite.views import TEXT_SIZE_COOKIE


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.BENCH_PAGE_CACHE

    def __call__(self, request):
        if request.method != "GET" or request.path.startswith(
            ("/" + settings.ADMIN_URL, "/bench/")
        ):
            return self.get_response(request)
        text_size = request.COOKIES.get(TEXT_SIZE_COOKIE, "")
        key = f"bench:page:{request.get_full_path()}:{text_size}"
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.cookies
            and not request.user.is_authenticated
        ):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, self.seconds)
        return response
