"""French search: one API for every searchable model, whatever the database.

Resources (`full_text_search = True` on the model) have a full-text index:

- PostgreSQL: a stored `search_vector` (configuration `french_unaccent`: French stemming without
  accents; weights title A > summary B > keywords and producers C > body D), GIN-indexed and kept
  current by triggers (migration core 0004), queried with `websearch_to_tsquery` (quoted phrases,
  `-exclusion`, `OR`), ranked by `ts_rank`, excerpts by `ts_headline`, typo suggestions from the
  `core_searchword` lexicon with `pg_trgm`.
- SQLite (the embedded default): an FTS5 table with the same columns and weights (`unicode61
  remove_diacritics 2`), kept current by triggers; query words are unaccented and lightly stemmed
  (plurals, feminine endings) and matched as prefixes; excerpts by `snippet()`, suggestions by
  difflib over the FTS5 vocabulary.

Other models (the catalyseurs) keep a `search_text` column, their texts through `normalize()`:
every term of the query is looked for in it (quoted phrases and `-exclusion` alike), unranked.

The API: `matching(queryset, text)`, `ranked(queryset, text)`, `excerpts(model, ids, text)`,
`suggestion(text, model)`, `parse(text)`, `normalize(*texts)`.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, FloatField, Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_LENGTH = 300  # longer queries are cut: nobody types more, and it bounds the work
CONFIG = "french_unaccent"
MARK_START, MARK_END = "\u27e6", "\u27e7"  # ⟦ ⟧ delimit matches until they become <mark>
# The words the search ignores: those the configuration french_unaccent drops (PostgreSQL's French
# stop words, tsearch_data/french.stop, once unaccented), so that SQLite ignores them too; and « a »,
# « les », « meme », which PostgreSQL searches (its list lacks them, or has them with accents).
STOP_WORDS = frozenset(
    """
    a ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions aurons
    auront aux avaient avais avait avec avez aviez avions avons ayant ayante ayantes ayants ayez
    ayons c ce ces d dans de des du elle en es est et eu eue eues eurent eus eusse eussent eusses
    eussiez eussions eut eux furent fus fusse fussent fusses fussiez fussions fut il j je l la le les
    leur lui m ma mais me meme mes moi mon n ne nos notre nous on ont ou par pas pour qu que qui s sa se
    sera serai seraient serais serait seras serez seriez serions serons seront ses soient sois soit
    sommes son sont soyez soyons suis sur t ta te tes toi ton tu un une vos votre vous y
    """.split()  # noqa: SIM905 — a list of words reads best as text
)
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def is_postgres():
    return connection.vendor == "postgresql"


def normalize(*texts):
    """Lowercase, without accents, punctuation turned into spaces: the one text normaliser."""
    text = unicodedata.normalize("NFKD", " ".join(t for t in texts if t).lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def stem(word):
    """A light French stemmer for prefix matching: plurals and feminine endings go."""
    for suffix, replacement in (("aux", "al"), ("eaux", "eau")):
        if word.endswith(suffix) and len(word) > 4:
            return word[: -len(suffix)] + replacement
    while len(word) > 4 and word[-1] in "sxe":
        word = word[:-1]
    return word


@dataclass
class Query:
    """A parsed query: groups of alternatives (OR inside a group, AND across), and exclusions."""

    groups: list = field(default_factory=list)  # each group: list of terms; a term: list of words
    excluded: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.groups or self.excluded)

    @property
    def words(self):
        return [word for group in self.groups for term in group for word in term]


def cleaned(text):
    """The query as the database sees it: no NUL byte, at most MAX_LENGTH characters."""
    return (text or "").replace("\x00", " ")[:MAX_LENGTH]


def parse(text):
    text = cleaned(text)
    query, pending_or = Query(), False
    for negated, phrase, bare in TOKEN.findall(text):
        if bare == "OR":
            pending_or = bool(query.groups)
            continue
        negated = negated or (bare.startswith("-") and len(bare) > 1)
        words = normalize(phrase or bare).split()
        if len(words) == 1 and words[0] in STOP_WORDS:
            continue  # a phrase, or a compound such as « Loos-en-Gohelle », keeps its small words
        if not words:
            continue
        if negated:
            query.excluded.append(words)
        elif pending_or:
            query.groups[-1].append(words)
        else:
            query.groups.append([words])
        pending_or = False
    return query


# --- SQLite (FTS5) -----------------------------------------------------------------------------

FTS_TABLE = "core_resource_fts"
FTS_WEIGHTS = "10.0, 4.0, 2.0, 1.0"  # title, summary, tags and producers, body


def _fts_term(words):
    if len(words) == 1:
        return f'"{stem(words[0])}"*'
    return '"' + " ".join(words) + '"'  # a phrase: exact words in order


def _fts_expression(groups):
    return " AND ".join("(" + " OR ".join(_fts_term(term) for term in group) + ")" for group in groups)


def _fts_ids(expression):
    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", (expression,))


# --- the API -----------------------------------------------------------------------------------


def full_text(model):
    return getattr(model, "full_text_search", False)


def _matching_words(queryset, query):
    """Objects whose `search_text` holds every group's words (one term of a group at least)."""
    for group in query.groups:
        condition = Q()
        for term in group:
            condition |= Q(search_text__contains=" ".join(term))
        queryset = queryset.filter(condition)
    for term in query.excluded:
        queryset = queryset.exclude(search_text__contains=" ".join(term))
    return queryset


def matching(queryset, text):
    """The objects of `queryset` that match the query `text` (all of them if it says nothing)."""
    query = parse(text)
    if not query:
        return queryset
    if not full_text(queryset.model):
        return _matching_words(queryset, query)
    if is_postgres():
        condition = RawSQL(  # the GIN index answers this
            f"search_vector @@ websearch_to_tsquery('{CONFIG}', %s)",
            (cleaned(text),),
            output_field=BooleanField(),
        )
        return queryset.filter(condition)
    if query.groups:
        queryset = queryset.filter(pk__in=_fts_ids(_fts_expression(query.groups)))
    if query.excluded:
        queryset = queryset.exclude(pk__in=_fts_ids(" OR ".join(_fts_term(term) for term in query.excluded)))
    return queryset


def ranked(queryset, text):
    """Annotate `rank` (higher is better) for ordering by relevance."""
    query = parse(text)
    if not query.groups or not full_text(queryset.model):
        return queryset.annotate(rank=RawSQL("0", (), output_field=FloatField()))
    if is_postgres():
        rank = RawSQL(
            f"ts_rank(search_vector, websearch_to_tsquery('{CONFIG}', %s))",
            (cleaned(text),),
            output_field=FloatField(),
        )
    else:
        rank = RawSQL(
            f"SELECT -bm25({FTS_TABLE}, {FTS_WEIGHTS}) FROM {FTS_TABLE}"
            f" WHERE {FTS_TABLE} MATCH %s AND rowid = core_resource.id",
            (_fts_expression(query.groups),),
            output_field=FloatField(),
        )
    return queryset.annotate(rank=rank)


def _marked(text):
    return mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def excerpts(model, ids, text):
    """{id: an HTML excerpt of its text with the matches in <mark>}, in one query (full text only)."""
    query = parse(text)
    ids = list(ids)
    if not query.groups or not ids or not full_text(model):
        return {}
    with connection.cursor() as cursor:
        if is_postgres():
            options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2"
            cursor.execute(
                f"SELECT id, ts_headline('{CONFIG}', summary || ' ' || body,"
                f" websearch_to_tsquery('{CONFIG}', %s), %s) FROM core_resource WHERE id = ANY(%s)",
                (cleaned(text), options, ids),
            )
        else:
            placeholders = ", ".join("%s" for _ in ids)
            cursor.execute(
                f"SELECT rowid, snippet({FTS_TABLE}, 3, '{MARK_START}', '{MARK_END}', '…', 24),"
                f" snippet({FTS_TABLE}, 1, '{MARK_START}', '{MARK_END}', '…', 24)"
                f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})",
                (_fts_expression(query.groups), *ids),
            )
        found = {}
        for pk, *candidates in cursor.fetchall():  # the body's excerpt, else the summary's
            marked = [excerpt for excerpt in candidates if MARK_START in excerpt]
            if marked:
                found[pk] = _marked(marked[0])
        return found


def suggestion(text, model=None):
    """A corrected query when some words are unknown (« Vouliez-vous dire … »), else None: from the
    resources' lexicon, for them (`model` None or with full text search)."""
    if model is not None and not full_text(model):
        return None
    query = parse(text)
    words = list(dict.fromkeys(word for word in query.words if len(word) >= 4))[:8]
    if not words:
        return None
    with connection.cursor() as cursor:
        if is_postgres():
            cursor.execute(
                "SELECT t.term, (SELECT w.word FROM core_searchword w WHERE w.word %% t.term"
                " ORDER BY similarity(w.word, t.term) DESC, w.word LIMIT 1)"
                " FROM unnest(%s::text[]) AS t(term)",
                (words,),
            )
            corrections = {term: best for term, best in cursor.fetchall() if best and best != term}
        else:
            cursor.execute(f"SELECT term FROM {FTS_TABLE}_vocab WHERE length(term) >= 4")
            lexicon = [row[0] for row in cursor.fetchall()]
            known = set(lexicon)
            corrections = {}
            for word in words:
                if word in known or any(term.startswith(stem(word)) for term in lexicon):
                    continue
                close = difflib.get_close_matches(word, lexicon, n=1, cutoff=0.75)
                if close:
                    corrections[word] = close[0]
    if not corrections:
        return None
    return " ".join(corrections.get(word, word) for word in normalize(cleaned(text)).split())
