"""Editors ("Biên tập viên") keep the partner links up to date, as they do the editor pages.
"Quản trị" get them from unionsite.security.ADMIN_GROUP_EXTRA."""

from django.db import migrations

GROUP_PERMISSIONS = {
    "Biên tập viên": [
        "add_partnerlink", "change_partnerlink", "delete_partnerlink", "view_partnerlink",
    ],
}  # fmt: skip


def forwards(apps, schema_editor):
    from unionsite.groups import grant

    grant(apps, "unionsite", GROUP_PERMISSIONS)


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="unionsite", codename__endswith="_partnerlink"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("unionsite", "0006_partner_links_and_logo_rules"), ("news", "0002_editor_group")]

    operations = [migrations.RunPython(forwards, backwards)]
