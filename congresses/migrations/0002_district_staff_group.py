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
    from unionsite.groups import grant

    grant(apps, "congresses", {GROUP_NAME: PERMISSIONS})


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("congresses", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
