"""Full-text search index of resources, kept current by the database itself (see odd17/search.py).

Triggers rather than Python hooks: bulk inserts, tag changes, renamed keywords or producers and
raw SQL all keep the index right. PostgreSQL gets a weighted tsvector column, a GIN index and a
trigram lexicon for suggestions; SQLite gets an FTS5 table with the same four columns.
"""

from django.db import migrations

# The text of the third column: keywords and producers of resource `{rid}`.
TAGS_SQL = """coalesce((SELECT string_agg(t.name, ' ') FROM taggit_taggeditem i
    JOIN taggit_tag t ON t.id = i.tag_id
    JOIN django_content_type c ON c.id = i.content_type_id AND c.app_label = 'core' AND c.model = 'resource'
    WHERE i.object_id = {rid}), '') || ' ' || coalesce((SELECT string_agg(o.name || ' ' || o.acronym, ' ')
    FROM core_resource_producers p JOIN core_organisation o ON o.id = p.organisation_id
    WHERE p.resource_id = {rid}), '')"""

# Tables whose rows change the third column, with the resource ids a changed row concerns.
RELATED = {
    "taggit_taggeditem": "SELECT {row}.object_id",
    "core_resource_producers": "SELECT {row}.resource_id",
    "taggit_tag": "SELECT object_id FROM taggit_taggeditem WHERE tag_id = {row}.id",
    "core_organisation": "SELECT resource_id FROM core_resource_producers WHERE organisation_id = {row}.id",
}

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
          ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
      END IF;
    END $$""",
    "ALTER TABLE core_resource ADD COLUMN search_vector tsvector",
    "CREATE INDEX core_resource_search_vector ON core_resource USING gin (search_vector)",
    "CREATE TABLE core_searchword (word text PRIMARY KEY)",
    "CREATE INDEX core_searchword_trgm ON core_searchword USING gin (word gin_trgm_ops)",
    f"""CREATE FUNCTION core_resource_vector(r core_resource) RETURNS tsvector LANGUAGE sql STABLE AS $$
      SELECT setweight(to_tsvector('french_unaccent', coalesce(r.title, '')), 'A')
          || setweight(to_tsvector('french_unaccent', coalesce(r.summary, '')), 'B')
          || setweight(to_tsvector('french_unaccent', {TAGS_SQL.format(rid="r.id")}), 'C')
          || setweight(to_tsvector('french_unaccent', coalesce(r.body, '')), 'D')
    $$""",
    """CREATE FUNCTION core_resource_index() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.search_vector := core_resource_vector(NEW);
      INSERT INTO core_searchword (word)
        SELECT DISTINCT w FROM regexp_split_to_table(lower(unaccent(NEW.title || ' ' || NEW.summary)), '[^a-z0-9]+') w
        WHERE length(w) >= 4
        ON CONFLICT DO NOTHING;
      RETURN NEW;
    END $$""",
    """CREATE TRIGGER core_resource_index BEFORE INSERT OR UPDATE OF title, summary, body ON core_resource
      FOR EACH ROW EXECUTE FUNCTION core_resource_index()""",
    """CREATE FUNCTION core_resource_reindex(ids bigint[]) RETURNS void LANGUAGE sql AS $$
      UPDATE core_resource r SET search_vector = core_resource_vector(r) WHERE r.id = ANY(ids)
    $$""",
    *[
        f"""CREATE FUNCTION {table}_reindex() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN PERFORM core_resource_reindex(ARRAY({select.format(row="OLD")})::bigint[]); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM core_resource_reindex(ARRAY({select.format(row="NEW")})::bigint[]); END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER {table}_reindex AFTER INSERT OR UPDATE OR DELETE ON {table}
          FOR EACH ROW EXECUTE FUNCTION {table}_reindex()"""
        for table, select in RELATED.items()
    ],
    "UPDATE core_resource SET title = title",
]

SQLITE = [
    """CREATE VIRTUAL TABLE core_resource_fts USING fts5(
      title, summary, tags, body, tokenize = 'unicode61 remove_diacritics 2')""",
    "CREATE VIRTUAL TABLE core_resource_fts_vocab USING fts5vocab(core_resource_fts, 'row')",
    f"""CREATE TRIGGER core_resource_fts_insert AFTER INSERT ON core_resource BEGIN
      INSERT INTO core_resource_fts (rowid, title, summary, tags, body)
      VALUES (NEW.id, NEW.title, NEW.summary, {TAGS_SQL.format(rid="NEW.id").replace("string_agg", "group_concat")}, NEW.body);
    END""",
    """CREATE TRIGGER core_resource_fts_update AFTER UPDATE OF title, summary, body ON core_resource BEGIN
      UPDATE core_resource_fts SET title = NEW.title, summary = NEW.summary, body = NEW.body WHERE rowid = NEW.id;
    END""",
    """CREATE TRIGGER core_resource_fts_delete AFTER DELETE ON core_resource BEGIN
      DELETE FROM core_resource_fts WHERE rowid = OLD.id;
    END""",
    *[
        f"""CREATE TRIGGER {table}_fts_{event.lower()} AFTER {event} ON {table} BEGIN
          UPDATE core_resource_fts SET tags = {TAGS_SQL.format(rid="core_resource_fts.rowid").replace("string_agg", "group_concat")}
          WHERE rowid IN ({select.format(row=row)});
        END"""
        for table, select in RELATED.items()
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))
    ],
    f"""INSERT INTO core_resource_fts (rowid, title, summary, tags, body)
      SELECT id, title, summary, {TAGS_SQL.format(rid="core_resource.id").replace("string_agg", "group_concat")}, body
      FROM core_resource""",
]


def create_index(apps, schema_editor):
    statements = {"postgresql": POSTGRES, "sqlite": SQLITE}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_hierarchy_scopes"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(create_index, migrations.RunPython.noop)]
