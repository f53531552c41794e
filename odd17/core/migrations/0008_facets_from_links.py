"""Facets count from the link tables again: the derived `facet_keys` column goes, and the record of
change that labels what is derived from those tables comes (odd17/core/changes.py; its triggers are
installed after every `migrate`, for the tables the code being deployed declares public).

On SQLite the column is dropped in place (ALTER TABLE DROP COLUMN), so that the full-text triggers of
0004 stay; on PostgreSQL its GIN index goes first.
"""

import secrets

from django.db import migrations, models

GIN = "CREATE INDEX resource_facet_keys ON core_resource USING gin (facet_keys)"


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS resource_facet_keys")


def create_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GIN)


def first_version(apps, schema_editor):
    apps.get_model("core", "ContentVersion").objects.create(id=1, version=secrets.token_hex(16))


def drop_triggers(apps, schema_editor):
    """Back to before the record: its triggers would write to a table that is going."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS odd17_content_changed() CASCADE")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'odd17_content_changed%'")
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP TRIGGER "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_search_vector_inline"),
    ]

    operations = [
        migrations.RunPython(drop_gin_index, create_gin_index),
        migrations.RemoveField(model_name="resource", name="facet_keys"),
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.CharField(max_length=32, verbose_name="version")),
            ],
            options={"verbose_name": "version du contenu", "verbose_name_plural": "versions du contenu"},
        ),
        migrations.RunPython(first_version, drop_triggers),
    ]
