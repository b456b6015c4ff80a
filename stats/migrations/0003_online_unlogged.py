from django.db import migrations

TABLE = "stats_onlinevisitor"


def set_unlogged(apps, schema_editor):
    # Presence rows live five minutes. UNLOGGED (PostgreSQL) keeps them out of the WAL, so
    # visitor ids never reach WAL archives or replicas, and each upsert writes less. After a
    # crash the table starts empty, which only forgets who was online.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} SET UNLOGGED")


def set_logged(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} SET LOGGED")


class Migration(migrations.Migration):
    dependencies = [("stats", "0002_visit_total_row")]

    operations = [migrations.RunPython(set_unlogged, set_logged)]
