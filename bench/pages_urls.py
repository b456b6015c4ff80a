"""The project's URLs plus ``/bench/ping/``: a constant response through the full middleware
stack, the ceiling every page is measured against (bench/README.md)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path

from portal.urls import handler400, handler403, handler404, handler500  # noqa: F401

PING_BODY = b"<!doctype html><html lang=vi><title>ping</title><p>pong</p></html>"


def ping(request):
    # text/html like a page, so the visitor counter treats it as a reader page too.
    # "no-store": the page cache (portal/pagecache.py) still looks it up on every request,
    # as it does for every page, but never serves it: the view runs each time.
    response = HttpResponse(PING_BODY, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def chrome(request):
    # base.html with an empty content block: what the site chrome alone (header, menu,
    # footer, visitor box, context processors) costs on every page.
    response = render(request, "base.html")
    response["Cache-Control"] = "no-store"  # measure rendering, not the page cache
    return response


urlpatterns = [
    path("bench/ping/", ping, name="bench-ping"),
    path("bench/chrome/", chrome, name="bench-chrome"),
    path("", include("portal.urls")),
]
