"""What each staff group may do with documents, and the usual document types.

"Biên tập viên" manage every document and the editable lists. "Cán bộ LĐLĐ huyện" add and edit
documents (limited in the admin to their own federation's issuers) and their files, and read
the lists. "Quản trị" gets everything in the app from unionsite.security.sync_admin_group.
"""

from django.db import migrations

EDITORS = "Biên tập viên"
OFFICERS = "Cán bộ LĐLĐ huyện"
ALL = ["add", "change", "delete", "view"]
GROUP_PERMISSIONS = {
    EDITORS: {
        "document": ALL + ["manage_all"],
        "documentfile": ALL,
        "documenttype": ALL,
        "issuer": ALL,
        "field": ALL,
    },
    OFFICERS: {
        "document": ["add", "change", "view"],
        "documentfile": ALL,
        "documenttype": ["view"],
        "issuer": ["view"],
        "field": ["view"],
    },
}
TYPES = [
    "Kế hoạch", "Công văn", "Nghị quyết", "Quyết định", "Chỉ thị", "Hướng dẫn", "Thông báo",
    "Báo cáo", "Luật", "Nghị định", "Thông tư",
]  # fmt: skip


def codename(action: str, model: str) -> str:
    return "manage_all_documents" if action == "manage_all" else f"{action}_{model}"


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("documents")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, models in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [codename(a, m) for m, actions in models.items() for a in actions]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="documents", codename__in=codenames)
        )
    DocumentType = apps.get_model("documents", "DocumentType")
    from unionsite.text import vn_slugify

    for order, name in enumerate(TYPES):
        DocumentType.objects.get_or_create(
            name=name, defaults={"slug": vn_slugify(name), "order": order}
        )


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="documents"))


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("news", "0002_editor_group"),
        ("congresses", "0002_district_staff_group"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
