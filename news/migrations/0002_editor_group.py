"""The "Biên tập viên" group: exactly what news editors need.

Articles and tags: add, change, delete, view (editors manage their own content).
Categories and pages: add, change, view — deleting a menu category or a legal page (Liên hệ)
is left to the "Quản trị" group. The CKEditor image upload is allowed to staff holding
news.add_article or news.change_article, so no extra permission is needed for it.
"""

from django.db import migrations

GROUP = "Biên tập viên"
PERMISSIONS = {
    "article": ["add", "change", "delete", "view"],
    "tag": ["add", "change", "delete", "view"],
    "category": ["add", "change", "view"],
    "page": ["add", "change", "view"],
}


def create_group(apps, schema_editor):
    from unionsite.groups import grant

    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    grant(apps, "news", {GROUP: codenames})


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
