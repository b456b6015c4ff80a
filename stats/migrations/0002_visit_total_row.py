from django.db import migrations


def create_total(apps, schema_editor):
    # The running total is a single row that visits update in place; create it up front so
    # the admin only ever edits it (its baseline) and never adds a second one.
    VisitTotal = apps.get_model("stats", "VisitTotal")
    VisitTotal.objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("stats", "0001_initial")]

    operations = [migrations.RunPython(create_total, migrations.RunPython.noop)]
