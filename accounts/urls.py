"""Choosing a password from the e-mailed link (Django's password-reset views and token).

Mounted under the admin's prefix (portal/urls.py), so the admin's security policy applies
and the reader page cache and visitor counter leave it alone."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

app_name = "accounts"


def _chrome():
    return {"site_header": admin.site.site_header, "site_title": admin.site.site_title}


urlpatterns = [
    path(
        "dat-mat-khau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:set-password-done"), extra_context=_chrome()
        ),
        name="set-password",
    ),
    path(
        "dat-mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(extra_context=_chrome()),
        name="set-password-done",
    ),
]
