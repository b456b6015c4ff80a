"""The admin speaks Vietnamese to every staff group: a walk over every page each one can open.

Run alone with:  .venv/bin/pytest -q tests/accounts/test_vietnamese_admin.py
It fails, naming the page and the phrase, on any English phrase of the list below found in
a page's visible text or in the attributes a person reads (title, aria-label, placeholder,
alt, button values).
"""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.contrib import admin as admin_app
from django.contrib.admin import site
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from django.views.i18n import JavaScriptCatalog

from congresses.models import Congress, Organisation, StaffAssignment
from congresses.permissions import DISTRICT_STAFF_GROUP
from news.models import Category, Contributor
from questions.models import Department
from questions.permissions import ADVISER_GROUP

from .english import english_phrases

EDITOR_GROUP = "Biên tập viên"


def test_the_phrase_check_catches_english_and_passes_vietnamese():
    assert english_phrases("<p>Please correct the errors below.</p>") == ["Please correct"]
    assert english_phrases('<input type="submit" value="Save and continue">') == ["Save and"]
    assert english_phrases('<a title="View site">x</a><script>"Delete"</script>') == ["View site"]
    assert english_phrases("<p>Vui lòng sửa các lỗi dưới đây. Expo 2026, USB-Export</p>") == []


@pytest.fixture
def site_data(db):
    call_command("seed_demo", stdout=io.StringIO())


def _user(username, group=None, **fields) -> User:
    user = User.objects.create_user(username, password="x-Strong-pass-1", is_staff=True, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _editor():
    return _user("bientap", EDITOR_GROUP)


def _officer():
    user = _user("canbo-thoxuan", DISTRICT_STAFF_GROUP)
    federation = Organisation.objects.get(slug="tho-xuan")
    StaffAssignment.objects.create(user=user, organisation=federation)
    return user


def _approver():
    return _user("duyetbai", "Duyệt bài")


def _contributor():
    user = _user("congtacvien", "Cộng tác viên")
    Contributor.objects.create(user=user).categories.set(Category.objects.all()[:1])
    return user


def _adviser():
    """A legal adviser who also receives the feedback of Ban Chính sách – Pháp luật."""
    user = _user("tuvan-thu", ADVISER_GROUP)
    Department.objects.get(name="Ban Chính sách – Pháp luật").members.add(user)
    return user


def _superuser():
    return User.objects.create_superuser("quantri", password="x-Strong-pass-1")


def admin_url(model, action: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def _pages_of(client) -> dict[str, str]:
    """Every admin page the logged-in account can open, GET and a few POSTs, by label."""
    pages: dict[str, str] = {}

    def get(label, url, **params):
        response = client.get(url, params)
        assert response.status_code == 200, (label, url, response.status_code)
        pages[label] = response.content.decode()
        return response

    index = get("trang chủ quản trị", reverse("admin:index"))
    for app in index.context["app_list"]:
        for entry in app["models"]:
            model = entry["model"]
            name = f"{model._meta.app_label}.{model._meta.model_name}"
            model_admin = site._registry[model]
            changelist = get(f"{name} danh sách", entry["admin_url"])
            get(f"{name} tìm kiếm không thấy", entry["admin_url"], q="khongcogiday")
            if entry.get("add_url"):
                get(f"{name} thêm", entry["add_url"])
                response = client.post(entry["add_url"], {})
                if response.status_code == 200:
                    pages[f"{name} thêm, gửi trống"] = response.content.decode()
            # Some lists are reports with their own template and no change list (stats).
            cl = changelist.context.get("cl")
            results = list(cl.result_list) if cl is not None else []
            if results:
                obj = results[0]
                get(f"{name} sửa/xem", admin_url(model, "change", obj.pk))
                get(f"{name} lịch sử", admin_url(model, "history", obj.pk))
                request = changelist.wsgi_request
                if model_admin.has_delete_permission(request, obj):
                    get(f"{name} xóa", admin_url(model, "delete", obj.pk))
            request = changelist.wsgi_request
            if getattr(model_admin, "has_import_permission", None) and (
                model_admin.has_import_permission(request)
            ):
                _import_pages(client, model_admin, name, get, pages)
            if getattr(model_admin, "has_export_permission", None) and (
                model_admin.has_export_permission(request)
            ):
                get(f"{name} xuất", admin_url(model, "export"))
    get("đổi mật khẩu", reverse("admin:password_change"))
    response = client.post(reverse("admin:password_change"), {"old_password": "sai"})
    pages["đổi mật khẩu, sai"] = response.content.decode()
    return pages


def _import_pages(client, model_admin, name, get, pages):
    url = admin_url(model_admin.model, "import")
    get(f"{name} nhập", url)
    # A file with one good row and one row error: the preview and the row-error table.
    congress = Congress.objects.filter(pk__in=model_admin.get_queryset(_request(client))).first()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Mã LĐLĐ cấp trên", "Tên đơn vị", "Nhiệm kỳ", "Tình trạng"])
    writer.writerow(
        [congress.organisation.parent.code, congress.organisation.name, "2023-2028", ""]
    )
    writer.writerow([congress.organisation.parent.code, "Đơn vị mới", "2023-2028", "Sai"])
    upload = io.BytesIO(buffer.getvalue().encode())
    upload.name = "dai-hoi.csv"
    # The format is told by the file's extension (congresses.workbooks).
    response = client.post(url, {"import_file": upload})
    assert response.status_code == 200
    pages[f"{name} nhập, xem trước có lỗi"] = response.content.decode()


def _request(client):
    return client.get(reverse("admin:index")).wsgi_request


@pytest.mark.parametrize(
    "make_user",
    [_editor, _officer, _approver, _contributor, _adviser, _superuser],
    ids=lambda f: f.__name__,
)
def test_every_admin_page_a_staff_group_opens_is_vietnamese(client, site_data, make_user):
    client.force_login(make_user())
    pages = _pages_of(client)
    english = {label: found for label, html in pages.items() if (found := english_phrases(html))}
    assert english == {}
    assert len(pages) > 10


def test_login_page_with_a_wrong_password_is_vietnamese(client, db):
    _editor()
    response = client.post(
        reverse("admin:login"), {"username": "bientap", "password": "sai-mat-khau"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Lỗi:" in html
    assert english_phrases(html) == []


def test_logged_out_page_is_vietnamese(client, db):
    client.force_login(_editor())
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 200
    assert english_phrases(response.content.decode()) == []


_ADMIN_JS = Path(admin_app.__file__).parent / "static" / "admin" / "js"
_GETTEXT_CALL = re.compile(r"""\b(n?gettext)\(\s*(['"])(.+?)(?<!\\)\2""")
_PGETTEXT_CALL = re.compile(r"""\bpgettext\(\s*(['"])(.+?)\1\s*,\s*(['"])(.+?)\3""")


def test_every_string_the_admin_scripts_translate_has_vietnamese(rf):
    """The admin's own scripts: the "choose" boxes, calendar, clock, actions, filters."""
    view = JavaScriptCatalog.as_view(packages=["django.contrib.admin"])
    text = view(rf.get("/jsi18n/")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", text, re.S).group(1))
    scripts = [p for p in _ADMIN_JS.rglob("*.js") if "vendor" not in p.parts]
    source = "\n".join(p.read_text() for p in scripts)
    msgids = {m.group(3) for m in _GETTEXT_CALL.finditer(source)}
    msgids |= {f"{m.group(2)}\x04{m.group(4)}" for m in _PGETTEXT_CALL.finditer(source)}
    assert len(msgids) > 40
    assert sorted(m for m in msgids if m.replace("\\", "") not in catalog) == []
