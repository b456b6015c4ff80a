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
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make sure ours exist now.
    news_config = apps.get_app_config("news")
    news_config.models_module = True
    create_permissions(news_config, apps=apps, verbosity=0)
    news_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    permissions = Permission.objects.filter(
        content_type__app_label="news", codename__in=codenames
    )
    group.permissions.set(permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
