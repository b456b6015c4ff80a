"""Editors ("Biên tập viên") manage topic pages. "Quản trị" gets the app from
unionsite.security.sync_admin_group."""

from django.db import migrations

GROUP_PERMISSIONS = {
    "Biên tập viên": ["add_topic", "change_topic", "delete_topic", "view_topic"],
}


def forwards(apps, schema_editor):
    from unionsite.groups import grant

    grant(apps, "topics", GROUP_PERMISSIONS)


def backwards(apps, schema_editor):
    from unionsite.groups import revoke

    revoke(apps, "topics", GROUP_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("topics", "0001_initial"), ("news", "0002_editor_group")]

    operations = [migrations.RunPython(forwards, backwards)]
