"""The "Cán bộ LĐLĐ huyện" group: district officers edit their own federation's records."""

from django.db import migrations

GROUP_NAME = "Cán bộ LĐLĐ huyện"
PERMISSIONS = [
    "view_organisation",
    "add_organisation",
    "change_organisation",
    "delete_organisation",
    "view_congress",
    "add_congress",
    "change_congress",
    "delete_congress",
    "view_congressphoto",
    "add_congressphoto",
    "change_congressphoto",
    "delete_congressphoto",
    "view_term",
    "view_guidingdocument",
]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make sure ours exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    permissions = Permission.objects.filter(
        content_type__app_label="congresses", codename__in=PERMISSIONS
    )
    group.permissions.add(*permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("congresses", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
