"""The root URLconf: each app's addresses mounted under its Vietnamese prefix."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from documents.feeds import LatestDocumentsFeed
from news import uploads as news_uploads
from questions.feeds import LatestQuestionsFeed
from unionsite import views

from . import sitemaps
from . import views as portal_views

urlpatterns = [
    # Choosing a password from the e-mailed link, under the admin's prefix (accounts/urls.py).
    path(settings.ADMIN_URL, include("accounts.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    # Our validated, permission-checked upload replaces the package's view (same name, first).
    path(
        "ckeditor5/image_upload/",
        news_uploads.ckeditor_image_upload,
        name="ck_editor_5_upload_file",
    ),
    path("ckeditor5/", include("django_ckeditor_5.urls")),
    path("dai-hoi/", include("congresses.urls")),
    path("thong-ke/", include("stats.urls")),
    path("van-ban/", include("documents.urls")),
    # /hoi-dap/… and /gop-y/…
    path("", include("questions.urls")),
    # Before news' /rss/<category>/.
    path("rss/van-ban/", LatestDocumentsFeed(), name="document-feed"),
    path("rss/hoi-dap/", LatestQuestionsFeed(), name="question-feed"),
    path("co-chu/<slug:size>/", views.text_size, name="text-size"),
    path("favicon.ico", views.favicon),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap-section"),
    path("tim-kiem/", portal_views.search, name="search"),
    # /thu-vien-anh/… and /video/…: before news, whose catch-all pages come last.
    path("", include("gallery.urls")),
    path("chuyen-de/", include("topics.urls")),
    path("", include("news.urls")),
]

if settings.SERVE_MEDIA:
    # Not django.conf.urls.static.static(): that one serves nothing once DEBUG is off.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error
