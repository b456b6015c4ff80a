"""Editors ("Biên tập viên") manage albums, photos and videos. "Quản trị" gets everything in the
app from unionsite.security.sync_admin_group."""

from django.db import migrations

EDITORS = "Biên tập viên"
MODELS = ["album", "photo", "video"]
ACTIONS = ["add", "change", "delete", "view"]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config("gallery")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="gallery", codename__in=codenames)
    )


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=EDITORS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="gallery"))


class Migration(migrations.Migration):
    dependencies = [("gallery", "0001_initial"), ("news", "0002_editor_group")]

    operations = [migrations.RunPython(forwards, backwards)]
