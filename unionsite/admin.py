from django.contrib import admin

from .models import SiteProfile

admin.site.site_header = "Quản trị - Liên đoàn Lao động tỉnh Thanh Hóa"
admin.site.site_title = "Quản trị LĐLĐ Thanh Hóa"
admin.site.index_title = "Bảng điều khiển"


@admin.register(SiteProfile)
class SiteProfileAdmin(admin.ModelAdmin):
    fieldsets = [
        ("Đầu trang", {"fields": ["agency_line", "site_name", "short_name", "slogan", "logo"]}),
        ("Chân trang", {"fields": ["licence", "address", "phone", "fax", "email", "credit_line"]}),
    ]

    def has_add_permission(self, request):
        # One profile only: add it once, then edit it.
        return super().has_add_permission(request) and not SiteProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
