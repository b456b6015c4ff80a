from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.contrib.sites.admin import SiteAdmin
from django.contrib.sites.models import Site
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import IMAGE_HELP, AuditEntry, PartnerLink, SiteProfile


class EditableOnlyByMixin:
    """Records everyone with the view permission may read, but only accounts that
    ``may_edit`` accepts may add, change or delete (on top of their model permissions)."""

    def may_edit(self, request) -> bool:
        return True

    def has_add_permission(self, request):
        return self.may_edit(request) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.may_edit(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.may_edit(request) and super().has_delete_permission(request, obj)


class ReadOnlyAdminMixin(EditableOnlyByMixin):
    """Records people may look at in the admin but never add, change or delete."""

    def may_edit(self, request) -> bool:
        return False


admin.site.site_header = _("Quản trị - Liên đoàn Lao động tỉnh Thanh Hóa")
admin.site.site_title = _("Quản trị LĐLĐ Thanh Hóa")
admin.site.index_title = _("Bảng điều khiển")


def image_upload_field(label: str, help_text: str = IMAGE_HELP) -> forms.FileField:
    """A plain, optional file field for an image: the shared validator on the model field
    (unionsite.images) gives the site's one Vietnamese message, not Django's own."""
    return forms.FileField(label=label, required=False, widget=AdminFileWidget, help_text=help_text)


class SiteProfileForm(forms.ModelForm):
    logo = image_upload_field("Biểu trưng", SiteProfile._meta.get_field("logo").help_text)

    class Meta:
        model = SiteProfile
        fields = ["logo"]  # the admin's fieldsets name the rest


@admin.register(SiteProfile)
class SiteProfileAdmin(admin.ModelAdmin):
    form = SiteProfileForm
    fieldsets = [
        (_("Đầu trang"), {"fields": ["agency_line", "site_name", "short_name", "slogan", "logo"]}),
        (
            _("Chân trang"),
            {"fields": ["licence", "address", "phone", "fax", "email", "credit_line"]},
        ),
    ]

    def has_add_permission(self, request):
        # One profile only: add it once, then edit it.
        return super().has_add_permission(request) and not SiteProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only audit trail: who added, changed or deleted which record, and when.

    Django writes these entries for every change made through the admin; the "Lịch sử"
    button on each record shows the same entries for that record.
    """

    list_display = ["action_time", "user", "content_type", "object_repr", "action_flag", "changes"]
    list_filter = ["action_flag", "content_type", "user", "action_time"]
    search_fields = [
        "object_repr__fold_contains",
        "change_message__fold_contains",
        "user__username__fold_contains",
    ]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]

    @admin.display(description=_("Nội dung thay đổi"))
    def changes(self, entry):
        return entry.get_change_message()


# django.contrib.sites (which django.contrib.redirects keys its redirects by), searched like
# every other admin list (unionsite/folding.py).
admin.site.unregister(Site)


@admin.register(Site)
class FoldingSiteAdmin(SiteAdmin):
    search_fields = ["domain__fold_contains", "name__fold_contains"]


class PartnerLinkForm(forms.ModelForm):
    banner = image_upload_field("Ảnh banner", PartnerLink._meta.get_field("banner").help_text)

    class Meta:
        model = PartnerLink
        fields = ["banner"]  # the admin's fields name the rest


@admin.register(PartnerLink)
class PartnerLinkAdmin(admin.ModelAdmin):
    """The related portals of every page's footer, in the order editors give them."""

    form = PartnerLinkForm
    fields = ["name", "url", "banner", "order", "is_active"]
    # An address typed without "https://" is read as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "url", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name__fold_contains", "url__fold_contains"]
