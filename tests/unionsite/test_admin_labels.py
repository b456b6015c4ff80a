"""Labels the admin modules write (fieldset titles, column and action names, filter titles)
go through gettext_lazy, so a translation catalogue can reach every one of them."""

from pathlib import Path

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.utils.functional import Promise

PROJECT = Path(settings.BASE_DIR).resolve()


def _own(model_admin) -> bool:
    module = __import__(type(model_admin).__module__, fromlist=["_"])
    return Path(module.__file__).resolve().is_relative_to(PROJECT)


def _labels(model_admin):
    name = type(model_admin).__name__
    for title, _options in model_admin.fieldsets or ():
        if title is not None:
            yield f"{name} fieldset", title
    for column in model_admin.list_display:
        method = getattr(model_admin, column, None) if isinstance(column, str) else column
        if hasattr(method, "short_description"):
            yield f"{name}.{column}", method.short_description
    for action in model_admin.actions or ():
        function = getattr(model_admin, action, None) if isinstance(action, str) else action
        if hasattr(function, "short_description"):
            yield f"{name} action", function.short_description
    for entry in model_admin.list_filter:
        if isinstance(entry, type) and issubclass(entry, SimpleListFilter):
            yield f"{name} filter", entry.title


def test_admin_labels_written_in_our_admin_modules_are_lazy_translations():
    plain = [
        f"{where}: {label!r}"
        for model_admin in admin.site._registry.values()
        if _own(model_admin)
        for where, label in _labels(model_admin)
        if not isinstance(label, Promise)
    ]
    assert plain == []


def test_admin_site_titles_are_lazy_translations():
    for title in (admin.site.site_header, admin.site.site_title, admin.site.index_title):
        assert isinstance(title, Promise), title
