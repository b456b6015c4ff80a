"""The gallery in the admin: albums with their photos (many uploaded at once) and videos."""

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from unionsite.renditions import rendition

from . import services
from .forms import AlbumAdminForm, VideoAdminForm
from .models import Album, Photo, Video


def _thumbnail(fieldfile, width, height):
    small = rendition(fieldfile, "small", width, height)
    if small is None:
        return "—"
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" loading="lazy">',
        small["url"], small["width"] or 160, small["height"] or 100,
    )  # fmt: skip


class PhotoInline(admin.TabularInline):
    """Captions, alt text and order of the album's photos; new photos come in through the
    album's "Thêm ảnh" field (many at once), not one inline row each."""

    model = Photo
    extra = 0
    fields = ["preview", "caption", "alt_text", "position"]
    readonly_fields = ["preview"]

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Ảnh"))
    def preview(self, photo):
        return _thumbnail(photo.image, photo.width, photo.height)


@admin.register(Album)
class AlbumAdmin(admin.ModelAdmin):
    form = AlbumAdminForm
    list_display = ["title", "taken_on", "photo_count", "is_published"]
    list_filter = ["is_published", "taken_on"]
    search_fields = ["title__fold_contains", "description__fold_contains"]
    date_hierarchy = "taken_on"
    autocomplete_fields = ["articles", "congresses"]
    inlines = [PhotoInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "taken_on", "description", "is_published"]}),
        (_("Ảnh"), {"fields": ["new_photos", "cover"]}),
        (_("Gắn với"), {"fields": ["articles", "congresses"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(photo_count=Count("photos"))

    @admin.display(description=_("Số ảnh"), ordering="photo_count")
    def photo_count(self, album):
        return album.photo_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        prepared = form.cleaned_data.get("new_photos") or []
        if prepared:
            services.add_photos(album=form.instance, photos=prepared)
            self.message_user(
                request, _("Đã thêm %(n)d ảnh vào album.") % {"n": len(prepared)}, messages.SUCCESS
            )


@admin.register(Video)
class VideoAdmin(admin.ModelAdmin):
    form = VideoAdminForm
    # "youtu.be/…" typed without "https://" is read as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "provider", "published_on", "is_published", "poster_preview"]
    list_filter = ["provider", "is_published"]
    search_fields = ["title__fold_contains", "description__fold_contains"]
    date_hierarchy = "published_on"
    fieldsets = [
        (None, {"fields": ["title", "slug", "published_on", "description", "is_published"]}),
        (_("Nguồn video"), {"fields": ["url", "file", "poster"]}),
    ]

    @admin.display(description=_("Ảnh đại diện"))
    def poster_preview(self, video):
        return _thumbnail(video.poster, video.poster_width, video.poster_height)
