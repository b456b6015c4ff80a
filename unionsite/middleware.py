import contextlib
import logging

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.template.response import SimpleTemplateResponse

from .models import SiteProfile

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """Answer a friendly Vietnamese 503 page when the database cannot be reached.

    A database outage is not a bug in a view: readers get "try again shortly" with
    ``Retry-After`` instead of a 500 page, and the connection is dropped so the next
    request opens a fresh one once the server is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        return database_unavailable_response(exception)


def is_database_unavailable(exception) -> bool:
    return isinstance(exception, (OperationalError, InterfaceError))


def database_unavailable_response(exception):
    """The Vietnamese 503 page for a database outage; drops the broken connection.

    Also used by the 500 handler (unionsite.views.server_error): an outage met in a
    middleware, not a view, never reaches ``process_exception`` above.
    """
    logger.warning("Database unavailable: %s", exception)
    with contextlib.suppress(DatabaseError):
        connection.close()
    response = SimpleTemplateResponse("503.html", {"site": SiteProfile.default()}, status=503)
    response["Retry-After"] = "10"
    return response.render()
