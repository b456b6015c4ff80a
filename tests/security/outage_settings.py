"""Settings for the database-outage test: the project's, plus one middleware that reads the
database before the view runs, as a session store, a page cache hook or a site-wide banner
would. An outage met there never reaches DatabaseUnavailableMiddleware.process_exception."""

from unionsite.settings import *  # noqa: F403
from unionsite.settings import MIDDLEWARE

MIDDLEWARE = [
    *MIDDLEWARE[: MIDDLEWARE.index("stats.middleware.VisitorCounterMiddleware") + 1],
    "tests.security.outage_settings.ReadsDatabaseMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index("stats.middleware.VisitorCounterMiddleware") + 1 :],
]


class ReadsDatabaseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "doc-csdl" in request.GET:
            from django.contrib.auth.models import Group

            Group.objects.exists()
        return self.get_response(request)
