"""On PostgreSQL, a trigram index answers the directory's word search (`search_text LIKE '%…%'`,
odd17/search.py) without reading every catalyseur: its normalized text now holds the presentation
too (0003), three times longer. pg_trgm is installed by core 0004. SQLite reads the rows."""

from django.db import migrations

INDEX = "catalyseur_search_text_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON catalyseurs_catalyseur USING gin (search_text gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("catalyseurs", "0004_publishing_and_history"), ("core", "0004_search_index")]
    operations = [migrations.RunPython(create, drop)]
