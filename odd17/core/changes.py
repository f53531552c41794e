"""The database's own record of change: a value that triggers replace at every write to a table
that public pages show (the models each app declares, registry.py), whatever wrote it: the ORM,
`QuerySet.update()`, a bulk load, raw SQL, a restore.

What is derived from those tables for speed (the facet index's sets) is labelled with this value
and rebuilt when it differs, so it cannot lag the tables it comes from, and no operator command
exists to keep it current. The triggers are (re)installed after every `migrate` (post_migrate),
for the tables of the code being deployed. The value is random, never a counter: a rolled-back
change must not hand out again a value that labelled sets built inside it.

PostgreSQL: one statement-level trigger per table; the single row is locked until the writing
transaction ends, so writes to public content are serialised (editors' saves; visitors' writes
go to other tables). SQLite: a row-level trigger per table and operation.
"""

import secrets

from django.db import connection, connections

TABLE = "core_contentversion"
TRIGGER = "odd17_content_changed"

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {TABLE} SET version = md5(random()::text || clock_timestamp()::text) WHERE id = 1;
    RETURN NULL;
END $$"""
PG_TRIGGER = (
    'CREATE OR REPLACE TRIGGER {trigger} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"'
    f" FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()"
)
SQLITE_TRIGGER = (
    'CREATE TRIGGER IF NOT EXISTS "{trigger}_{event}" AFTER {event} ON "{table}" BEGIN'
    f" UPDATE {TABLE} SET version = lower(hex(randomblob(16))) WHERE id = 1; END"
)


def version():
    """The current value in the database (the row is made again if a test's flush emptied the table)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
        if row is None:
            cursor.execute(f"INSERT INTO {TABLE} (id, version) VALUES (1, %s)", [_fresh()])
            return version()
    return row[0]


def _fresh():
    return secrets.token_hex(16)


def tables(models):
    """The tables of these models and of their own many-to-many links."""
    names = set()
    for model in models:
        names.add(model._meta.db_table)
        for field in model._meta.local_many_to_many:
            names.add(field.remote_field.through._meta.db_table)
    return sorted(names)


def install(models, using=None):
    """Create or replace the triggers on the tables of `models`."""
    target = connections[using] if using else connection
    existing = set(target.introspection.table_names())
    with target.cursor() as cursor:
        if target.vendor == "postgresql":
            cursor.execute(PG_FUNCTION)
        for table in tables(models):
            if table not in existing:
                continue
            trigger = f"{TRIGGER}_{table}"[:63]
            if target.vendor == "postgresql":
                cursor.execute(PG_TRIGGER.format(trigger=trigger, table=table))
            else:
                for event in ("INSERT", "UPDATE", "DELETE"):
                    cursor.execute(SQLITE_TRIGGER.format(trigger=trigger, table=table, event=event))
