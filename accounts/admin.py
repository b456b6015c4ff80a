"""Staff accounts in the admin: Django's user and group pages, and django-axes' login records
(superusers only), with the site's folded search."""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from .forms import StaffAccountCreationForm
from .services import create_staff_account

admin.site.unregister(User)
admin.site.unregister(Group)

_AXES_SEARCH = [
    "ip_address",  # an address column, matched as typed
    "username__fold_contains",
    "user_agent__fold_contains",
    "path_info__fold_contains",
]


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Adding an account is one step: name, e-mail, role, federation; the person chooses
    their own password from the e-mailed link (accounts/services.py)."""

    add_form = StaffAccountCreationForm
    add_fieldsets = [
        (
            None,
            {
                "description": (
                    "Tạo tài khoản cho cán bộ LĐLĐ huyện hoặc biên tập viên. Người được tạo "
                    "nhận e-mail có liên kết để tự đặt mật khẩu."
                ),
                "fields": ["full_name", "email", "role", "federation"],
            },
        )
    ]
    search_fields = [
        "username__fold_contains",
        "first_name__fold_contains",
        "last_name__fold_contains",
        "email__fold_contains",
    ]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        create_staff_account(
            user=obj, role=form.cleaned_data["role"], federation=form.cleaned_data["federation"]
        )
        self.message_user(
            request,
            f"Đã tạo tài khoản “{obj.username}” và gửi liên kết đặt mật khẩu tới {obj.email}.",
            messages.SUCCESS,
        )


@admin.register(Group)
class StaffGroupAdmin(GroupAdmin):
    search_fields = ["name__fold_contains"]


# django-axes registers its lists unless AXES_ENABLE_ADMIN is off; keep whatever it registered.
for _model, _base in [
    (AccessAttempt, AccessAttemptAdmin),
    (AccessLog, AccessLogAdmin),
    (AccessFailureLog, AccessFailureLogAdmin),
]:
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
        admin.site.register(_model, type(_base.__name__, (_base,), {"search_fields": _AXES_SEARCH}))
