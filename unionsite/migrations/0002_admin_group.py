from django.db import migrations

GROUP = "Quản trị"


def create_group(apps, schema_editor):
    # Permissions are given by unionsite.security.sync_admin_group after every migrate,
    # because the news, congresses and stats models they refer to are migrated later.
    apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("unionsite", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
