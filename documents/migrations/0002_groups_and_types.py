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
    from unionsite.groups import grant

    for name, models in GROUP_PERMISSIONS.items():
        grant(apps, "documents", {name: [codename(a, m) for m, acts in models.items() for a in acts]})
    DocumentType = apps.get_model("documents", "DocumentType")
    from unionsite.text import vn_slugify

    for order, name in enumerate(TYPES):
        DocumentType.objects.get_or_create(
            name=name, defaults={"slug": vn_slugify(name), "order": order}
        )


def backwards(apps, schema_editor):
    from unionsite.groups import revoke

    revoke(apps, "documents", GROUP_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("news", "0002_editor_group"),
        ("congresses", "0002_district_staff_group"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
