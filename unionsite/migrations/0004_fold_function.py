"""The database side of the one folding rule (unionsite/folding.py) on PostgreSQL.

SQLite gets the Python function on each connection instead. Re-run (a new migration calling
``create_fold_function``) whenever ``unionsite.text.fold_vietnamese`` changes; the test
tests/unionsite/test_folding.py fails until then.
"""

from django.db import migrations


def create_fold_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from unionsite.folding import postgres_function_sql

        schema_editor.execute(postgres_function_sql())


def drop_fold_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS unionsite_fold(text)")


class Migration(migrations.Migration):
    dependencies = [("unionsite", "0003_audit_entry")]

    operations = [migrations.RunPython(create_fold_function, drop_fold_function)]
