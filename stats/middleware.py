"""Count visits from reader pages (definitions in docs/stats.md)."""

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed

from unionsite.useragents import is_bot

from . import clock, conf, services, visitors

NOT_READER_PATHS = ("/rss/", "/sitemap.xml", "/robots.txt", "/ckeditor5/", "/favicon.ico")


PURPOSE_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_prefetch(request) -> bool:
    # request.META, not request.headers: building HttpHeaders costs more than the check.
    meta = request.META
    for name in PURPOSE_HEADERS:
        value = meta.get(name)
        if value:
            value = value.lower()
            if "prefetch" in value or "prerender" in value or "preview" in value:
                return True
    return False


class VisitorCounterMiddleware:
    """Counts a visit when a counted request starts one and keeps "online" presence fresh.

    A repeat request inside a visit reads its state from the signed cookie and writes nothing
    to the database, except once a minute to refresh presence. Storage failures never reach
    the page (``services.record_visit`` swallows and logs them once).
    """

    def __init__(self, get_response):
        if not getattr(settings, "STATS_COUNTER", True):
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.skip_prefixes = tuple(
            prefix
            for prefix in (
                settings.STATIC_URL,
                settings.MEDIA_URL,
                "/" + settings.ADMIN_URL,
                *NOT_READER_PATHS,
            )
            if prefix and prefix.startswith("/") and prefix != "/"
        )
        self.cookie_name = conf.cookie_name()

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_counted(request, response):
            self.count(request, response)
        return response

    def is_counted(self, request, response) -> bool:
        return (
            request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path_info.startswith(self.skip_prefixes)
            and not is_prefetch(request)
            and not is_bot(request.META.get("HTTP_USER_AGENT", ""))
        )

    def count(self, request, response) -> None:
        now = clock.now()
        step = visitors.advance(
            visitors.load(request.COOKIES.get(self.cookie_name)), int(now.timestamp())
        )
        visitor = step.visitor
        if not step.writes_presence:
            return  # a repeat page inside the minute: no write, and the cookie stands
        if not services.record_visit(
            visitor_id=visitor.id,
            now=now,
            starts_visit=step.starts_visit,
            enters_online=step.enters_online,
        ):
            if step.starts_visit:
                return  # no cookie: the next counted request tries to count this visit again
            visitor = visitors.Visitor(visitor.id, visitor.last_request, 0)
        response.set_cookie(
            self.cookie_name,
            visitors.dump(visitor),
            max_age=int(conf.VISIT_GAP.total_seconds()) + 60,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
