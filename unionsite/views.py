"""Error pages in the site's look, in Vietnamese, and the reader's text-size switch."""

import sys

from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import (
    Http404,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from .middleware import database_unavailable_response, is_database_unavailable
from .models import SiteProfile


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@require_safe
def favicon(request):
    """Browsers and the admin ask for /favicon.ico; point them at the site's SVG icon."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("img/favicon.svg"))


def server_error(request):
    # Django calls this inside its except block: a database outage raised outside a view
    # (in a middleware) is still an outage, answered with the 503 page, not a 500.
    exception = sys.exc_info()[1]
    if is_database_unavailable(exception):
        return database_unavailable_response(exception)
    # No context processors: whatever broke may be the database they read from.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"site": SiteProfile.default()}))


# Text size ("A- A A+"): a cookie the context processor turns into a class on <html>.
TEXT_SIZE_COOKIE = "co_chu"
TEXT_SIZES = {"nho": "text-sm", "vua": "", "lon": "text-lg"}


def reader_text_size(request) -> str:
    """The reader's text size from the cookie; anything unknown is the normal size."""
    size = request.COOKIES.get(TEXT_SIZE_COOKIE, "vua")
    return size if size in TEXT_SIZES else "vua"


@require_safe
def text_size(request, size):
    """Remember the reader's text size and send them back to the page they were reading.

    A plain link so it works without JavaScript; site.js does the same without a reload.
    """
    if size not in TEXT_SIZES:
        raise Http404("Cỡ chữ không hợp lệ")
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if size == "vua":
        response.delete_cookie(TEXT_SIZE_COOKIE, samesite="Lax")
    else:
        response.set_cookie(
            TEXT_SIZE_COOKIE,
            size,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response
