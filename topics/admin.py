from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.utils.translation import gettext_lazy as _

from .models import Topic


class TopicAdminForm(forms.ModelForm):
    # A plain file field: the shared validator on the model field (unionsite.images) gives
    # the site's one Vietnamese message for images, not Django's own.
    banner = forms.FileField(
        label="Ảnh banner", required=False, widget=AdminFileWidget,
        help_text=Topic._meta.get_field("banner").help_text,
    )  # fmt: skip

    class Meta:
        model = Topic
        fields = ["banner"]  # the admin's fieldsets name the rest


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    form = TopicAdminForm
    list_display = ["title", "tag", "order", "is_published"]
    list_editable = ["order", "is_published"]
    list_filter = ["is_published"]
    list_select_related = ["tag"]
    search_fields = ["title__fold_contains"]
    autocomplete_fields = ["tag", "documents", "albums", "congresses"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "intro", "banner", "banner_alt", "order", "is_published"]},
        ),
        (_("Nội dung của chuyên đề"), {"fields": ["tag", "documents", "albums", "congresses"]}),
    ]
