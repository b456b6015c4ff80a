"""Staff accounts made in one step: the account, its group, its federation, a set-password link."""

import re

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from congresses.models import Organisation, StaffAssignment
from congresses.permissions import DISTRICT_STAFF_GROUP

EDITOR_GROUP = "Biên tập viên"  # made by news/migrations/0002_editor_group.py
ROLE_GROUPS = {"officer": DISTRICT_STAFF_GROUP, "editor": EDITOR_GROUP}
_NOT_USERNAME = re.compile(r"[^a-z0-9._-]+")


def unique_username(email: str) -> str:
    """The e-mail's local part ("nguyen.huong" from nguyen.huong@…), made unique with -2, -3…"""
    base = _NOT_USERNAME.sub("", email.split("@")[0].lower())[:140] or "canbo"
    taken = set(User.objects.filter(username__startswith=base).values_list("username", flat=True))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def set_password_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("accounts:set-password", args=[uid, token])


def send_set_password_link(*, user: User) -> None:
    """E-mail the account a link to choose its password (Django's password-reset token)."""
    context = {
        "user": user,
        "url": set_password_url(user),
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
        "login_url": settings.SITE_URL + reverse("admin:index"),
    }
    send_mail(
        "Tài khoản quản trị Cổng thông tin LĐLĐ tỉnh Thanh Hóa",
        render_to_string("accounts/set_password_email.txt", context),
        None,
        [user.email],
    )


def create_staff_account(*, user: User, role: str, federation: Organisation | None) -> User:
    """Save a new, unsaved staff account without a usable password, in the role's group and,
    for a district officer, linked to ``federation``; after the transaction commits, e-mail it
    a set-password link. Writes User, its groups and StaffAssignment; sends one e-mail."""
    user.is_staff = True
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    if role == "officer":
        StaffAssignment.objects.create(user=user, organisation=federation)
    transaction.on_commit(lambda: send_set_password_link(user=user))
    return user
