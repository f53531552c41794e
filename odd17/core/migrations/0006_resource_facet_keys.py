"""The facet index of resources (odd17/core/facet_index.py): a JSON object of keys per resource.

PostgreSQL gets a GIN index on it, which answers `has_any_keys` (`?|`); on SQLite the test reads
the row. The column is nullable without default, so that SQLite adds it in place: rebuilding the
table would drop the full-text triggers of 0004. The keys are filled after `migrate` by
facet_index.fill_missing (the post_migrate signal), with the facet definitions of the code being
deployed.
"""

from django.db import migrations, models

GIN = "CREATE INDEX resource_facet_keys ON core_resource USING gin (facet_keys)"


def create_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GIN)


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS resource_facet_keys")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_resource_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="resource",
            name="facet_keys",
            field=models.JSONField(editable=False, null=True, verbose_name="clés des facettes"),
        ),
        migrations.RunPython(create_gin_index, drop_gin_index),
    ]
