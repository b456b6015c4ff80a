"""Site-wide security pieces: CSP per area, Permissions-Policy, the client address behind the
proxy, the Vietnamese lockout page and the permissions of the "Quản trị" group.

Each piece is small on purpose; settings.py says where they are plugged in.
"""

from datetime import datetime, timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.shortcuts import render

ADMIN_GROUP = "Quản trị"

# What the "Quản trị" (site administrators) group may do. Least privilege: they run the
# content of the site (profile, pages, categories, every article, congress records, the
# visitor-count baseline), read the admin log and can unlock a login that axes locked; they
# do not manage user accounts, groups or staff assignments, and are not superusers.
ADMIN_GROUP_APPS = ("news", "congresses", "documents", "gallery", "topics")
# Which account works for which district federation is account management: superusers only.
ADMIN_GROUP_EXCLUDED_MODELS = ("staffassignment",)
ADMIN_GROUP_EXTRA = (
    # The visitor counter: read the figures, set the baseline carried over from the old site;
    # never edit the counted visits themselves.
    ("stats", "view_dailyvisits"),
    ("stats", "view_visittotal"),
    ("stats", "change_visittotal"),
    ("unionsite", "add_siteprofile"),
    ("unionsite", "change_siteprofile"),
    ("unionsite", "view_siteprofile"),
    ("unionsite", "view_auditentry"),
    ("unionsite", "add_partnerlink"),
    ("unionsite", "change_partnerlink"),
    ("unionsite", "delete_partnerlink"),
    ("unionsite", "view_partnerlink"),
    ("axes", "view_accessattempt"),
    ("axes", "delete_accessattempt"),
    # Old addresses (django.contrib.redirects): the old site's links keep answering.
    ("redirects", "add_redirect"),
    ("redirects", "change_redirect"),
    ("redirects", "delete_redirect"),
    ("redirects", "view_redirect"),
)


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with a second, looser policy for the admin and CKEditor 5 only.

    Reader pages get ``CONTENT_SECURITY_POLICY``. The admin and the CKEditor upload endpoint
    get ``CONTENT_SECURITY_POLICY_ADMIN``: CKEditor 5 writes ``<style>`` elements and style
    attributes at run time and previews pasted images as ``data:``/``blob:`` URLs.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts


def is_admin_path(path: str) -> bool:
    return path.startswith((f"/{settings.ADMIN_URL}", "/ckeditor5/"))


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` (Django has no setting for it): no page uses these APIs."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


def client_ip(request) -> str | None:
    """The visitor's address for login throttling.

    Behind nginx (``TRUSTED_PROXY_COUNT`` proxies) REMOTE_ADDR is the proxy; the address the
    nearest trusted proxy saw is the N-th entry from the right of X-Forwarded-For. Entries
    further left were written by the client and can be forged, so they are never used.
    """
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")


def login_username(request, credentials=None) -> str | None:
    """The username axes records for a login attempt, cut to what a username can be.

    axes stores it in a 255-character column: a longer made-up name would make the failed
    login a database error (500) and go unrecorded. No account has more than 150 characters.
    """
    if credentials:
        username = credentials.get("username")
    else:
        username = getattr(request, "data", request.POST).get("username")
    return username[:150] if isinstance(username, str) else username


def prune_login_records(*, now: datetime, days: int | None = None) -> int:
    """Delete django-axes records (failed attempts, access and failure logs) older than
    ``days`` (default ``LOGIN_RECORD_DAYS``). Returns how many rows went; writes nothing else."""
    cutoff = now - timedelta(days=settings.LOGIN_RECORD_DAYS if days is None else days)
    deleted = 0
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        deleted += model.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return deleted


def lockout_response(request, original_response=None, credentials=None):
    """The page axes shows after too many failed logins (status 429, in Vietnamese)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}
    return render(request, "security/lockout.html", context, status=429)


def sync_admin_group(*, using: str = "default") -> None:
    """Give the "Quản trị" group exactly its permissions. Idempotent; run after migrate."""
    # Permissions of apps migrated later in this run do not exist yet: create them first.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    wanted = Q(content_type__app_label__in=ADMIN_GROUP_APPS) & ~Q(
        content_type__model__in=ADMIN_GROUP_EXCLUDED_MODELS
    )
    for app_label, codename in ADMIN_GROUP_EXTRA:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    group, _ = Group.objects.using(using).get_or_create(name=ADMIN_GROUP)
    group.permissions.set(Permission.objects.using(using).filter(wanted))


def on_post_migrate(sender, using="default", **kwargs):
    sync_admin_group(using=using)
