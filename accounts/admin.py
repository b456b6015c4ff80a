"""Staff accounts in the admin: Django's user and group pages, and django-axes' login records
(superusers only), with the site's folded search."""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

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
    search_fields = [
        "username__fold_contains",
        "first_name__fold_contains",
        "last_name__fold_contains",
        "email__fold_contains",
    ]


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
