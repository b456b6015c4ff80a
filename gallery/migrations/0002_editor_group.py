"""Editors ("Biên tập viên") manage albums, photos and videos. "Quản trị" gets everything in the
app from unionsite.security.sync_admin_group."""

from django.db import migrations

EDITORS = "Biên tập viên"
GROUP_PERMISSIONS = {
    EDITORS: [
        f"{action}_{model}"
        for model in ("album", "photo", "video")
        for action in ("add", "change", "delete", "view")
    ],
}


def forwards(apps, schema_editor):
    from unionsite.groups import grant

    grant(apps, "gallery", GROUP_PERMISSIONS)


def backwards(apps, schema_editor):
    from unionsite.groups import revoke

    revoke(apps, "gallery", GROUP_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("gallery", "0001_initial"), ("news", "0002_editor_group")]

    operations = [migrations.RunPython(forwards, backwards)]
