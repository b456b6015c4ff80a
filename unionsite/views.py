"""Error pages in the site's look, in Vietnamese."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from .models import DEFAULT_SITE_NAME, SiteProfile


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: whatever broke may be the database they read from.
    template = loader.get_template("500.html")
    return HttpResponseServerError(
        template.render({"site": SiteProfile(site_name=DEFAULT_SITE_NAME)})
    )
