"""The facet index: every resource carries the keys of the facet values that select it.

`Resource.facet_keys` is a JSON object whose keys are "facet:value" ("profil:collectivites",
"territoire:69"…), derived from each facet's lookup in filters.py: a resource of the Rhône holds
"territoire:69", "territoire:R84" and "territoire:FR", since each of these choices selects it. (An
object rather than a list: `has_any_keys` then tests membership on both databases.) Filtering by a
facet is a test on the resource's own row (GIN-indexed on PostgreSQL), and counting every facet
under the active filters is one pass over the matched rows, instead of one join per facet.

Kept current by signals (watch(): a resource's save, any change of its links or keywords, a save or
delete of a vocabulary row); rebuilt in one statement by reindex(): bulk loaders run inside bulk(),
hierarchy changes rebuild everything, `manage.py migrate` fills resources never indexed, and
`manage.py reindex_facets` rebuilds it all. QuerySet.update() and raw SQL on links or vocabularies
send no signal: call reindex() after them.
"""

import threading
from contextlib import contextmanager

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from taggit.models import TaggedItem

from .filters import OptionsFilter, ResourceFilter
from .models import Resource

# Per database: the aggregate building a resource's object of keys, the keys of a resource `r`.
AGGREGATE = {"postgresql": "jsonb_object_agg(u.key, 1)", "sqlite": "json_group_object(u.key, 1)"}
KEYS_OF_ROW = {
    "postgresql": "jsonb_object_keys(r.facet_keys) AS k(key)",
    "sqlite": "json_each(r.facet_keys) AS k",
}

_state = threading.local()


def facets():
    """The facet filters, whose lookups define the keys."""
    return [spec for spec in ResourceFilter.base_filters.values() if isinstance(spec, OptionsFilter)]


def reindex(resources=None):
    """Recompute the keys of `resources` (a queryset of resources; all of them by default), in one UPDATE.

    Every resource has a kind, hence at least its « type » key: each one gets a row below.
    """
    resources = Resource.objects.all() if resources is None else resources
    parts = [spec.key_rows(resources).values_list("rid", "key") for spec in facets()]
    try:
        rows, params = parts[0].union(*parts[1:]).query.sql_with_params()  # UNION: each key once
    except EmptyResultSet:  # e.g. filter(pk__in=[]): nothing to do
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE core_resource SET facet_keys = k.keys FROM"
            f" (SELECT u.rid, {AGGREGATE[connection.vendor]} AS keys FROM ({rows}) AS u GROUP BY u.rid) AS k"
            f" WHERE core_resource.id = k.rid",
            params,
        )


def counts(matched, others=(), only=None):
    """({facet: {value: number of resources}}, number of `matched` resources), in one query.

    Every facet (or only those named in `only`) is counted over the queryset `matched`, except the
    facets of `others`, [(facet, queryset)], each counted over its own queryset (a list page counts
    an active facet over the list filtered by the other facets only).

    All facets at once: one read of each matched resource's keys, which also gives the number of
    matched resources (each has one kind, hence one « type » key). One facet alone is counted
    from its links (`key_rows`), cheaper over many resources than reading all their keys.
    """
    specs = {spec.param: spec for spec in facets()}
    parts = []  # (SQL before the rows, queryset of the rows, SQL after)
    if only is None:
        keys = KEYS_OF_ROW[connection.vendor]
        parts.append(
            (
                "SELECT k.key, COUNT(*) AS n FROM (",
                matched.values("facet_keys"),
                f") AS r, {keys} GROUP BY k.key",
            )
        )
    for name, queryset in [(name, matched) for name in only or ()] + list(others):
        links = specs[name].key_rows(queryset).values("key").annotate(n=Count("rid", distinct=True))
        parts.append(("SELECT c.key, c.n FROM (", links.values_list("key", "n"), ") AS c"))
    selects, params = [], []
    for number, (before, queryset, after) in enumerate(parts):
        try:
            rows, row_params = queryset.order_by().query.sql_with_params()
        except EmptyResultSet:  # a queryset that cannot match anything counts nothing
            continue
        selects.append(f"SELECT {number} AS part, p.key, p.n FROM ({before}{rows}{after}) AS p")
        params += row_params
    found, total = {name: {} for name in specs}, 0
    everything = only is None  # then part 0 holds every facet's keys over `matched`
    shared = {name for name in specs if name not in dict(others)}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects) or "SELECT 0, '', 0 WHERE 1 = 0", params)
        for number, key, count in cursor.fetchall():
            facet, _, value = key.partition(":")
            if facet not in found:  # a key left by a facet since removed (until reindexed)
                continue
            if everything and number == 0:
                total += count if facet == "type" else 0
                if facet not in shared:
                    continue
            found[facet][value] = count
    return found, total


@contextmanager
def bulk():
    """Signals leave the index alone inside this block; everything is reindexed at its end."""
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = False
    reindex()


def _paused():
    return getattr(_state, "paused", False)


def _model_at(path):
    model = Resource
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


def _specs_at(model):
    """The facets whose values are held by rows of `model` (a profile's slug, a domain's critère…)."""
    return [spec for spec in facets() if spec.row_path and _model_at(spec.row_path) is model]


def linked(row):
    """The resources whose keys depend on the vocabulary row `row` (a profile, a territory…)."""
    condition = Q()
    for spec in _specs_at(type(row)):
        condition |= Q(pk__in=Resource.objects.filter(**{spec.row_path: row}).values("pk"))
    return Resource.objects.filter(condition) if condition else Resource.objects.none()


def reindex_ids(ids, chunk=500):
    """reindex() the resources of these ids, a chunk at a time (SQLite bounds a query's parameters)."""
    ids = list(ids)
    for start in range(0, len(ids), chunk):
        reindex(Resource.objects.filter(pk__in=ids[start : start + chunk]))


def _resource_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:  # loaddata: the row comes with its keys, which its links (set next) must not redo
        instance._facet_index_loaded = True
    elif not _paused() and (update_fields is None or {"kind", "format"} & set(update_fields)):
        reindex_ids([instance.pk])


def _links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A resource's links changed (`resource.profiles.add(…)`), or a row's (`profile.resources.clear()`)."""
    if _paused() or getattr(instance, "_facet_index_loaded", False):
        return
    if action == "pre_clear" and reverse:
        instance._facet_index_linked = list(linked(instance).values_list("pk", flat=True))
    if not action.startswith("post_"):
        return
    if isinstance(instance, Resource):
        reindex_ids([instance.pk])
    elif reverse:
        reindex_ids(pk_set if pk_set is not None else instance.__dict__.pop("_facet_index_linked", []))


def _tagging_changed(sender, instance, raw=False, **kwargs):
    """A keyword link saved or deleted as a row (taggit's own admin, a merge of keywords)."""
    if not (raw or _paused()) and instance.content_type.model_class() is Resource:
        reindex_ids([instance.object_id])


def _key_values(row):
    """The values of `row` that keys are made of (its slug, code, critère…)."""
    fields = {spec.lookup.rpartition("__")[2] for spec in _specs_at(type(row))}
    return {field: getattr(row, field) for field in sorted(fields)}


def _row_saving(sender, instance, raw=False, **kwargs):
    if not (raw or _paused()) and instance.pk is not None:
        before = sender._default_manager.filter(pk=instance.pk).first()
        instance._facet_index_before = before and _key_values(before)


def _row_saved(sender, instance, raw=False, created=False, **kwargs):
    # A new row has no resource yet; a saved one changes keys only through the values they hold.
    if (
        raw
        or _paused()
        or created
        or instance.__dict__.pop("_facet_index_before", None) == _key_values(instance)
    ):
        return
    reindex_ids(linked(instance).values_list("pk", flat=True))


def _row_deleting(sender, instance, **kwargs):
    if not _paused():  # after the delete, the links that tell which resources it concerned are gone
        instance._facet_index_linked = list(linked(instance).values_list("pk", flat=True))


def _row_deleted(sender, instance, **kwargs):
    if not _paused():
        reindex_ids(instance.__dict__.pop("_facet_index_linked", []))


def watch():
    """Keep the index current on every change a signal reports (called from the core's ready())."""
    post_save.connect(_resource_saved, sender=Resource, dispatch_uid="facet-index-resource")
    for field in Resource._meta.local_many_to_many:
        through = field.remote_field.through
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"facet-index-{through._meta.label}")
    # Keywords: taggit adds and removes TaggedItem rows one by one (get_or_create, delete), as its
    # admin does, so the row signals alone see every change (its m2m_changed would be a second pass).
    post_save.connect(_tagging_changed, sender=TaggedItem, dispatch_uid="facet-index-tagged-save")
    post_delete.connect(_tagging_changed, sender=TaggedItem, dispatch_uid="facet-index-tagged-delete")
    for model in {_model_at(spec.row_path) for spec in facets() if spec.row_path}:
        label = model._meta.label
        pre_save.connect(_row_saving, sender=model, dispatch_uid=f"facet-index-saving-{label}")
        post_save.connect(_row_saved, sender=model, dispatch_uid=f"facet-index-save-{label}")
        pre_delete.connect(_row_deleting, sender=model, dispatch_uid=f"facet-index-deleting-{label}")
        post_delete.connect(_row_deleted, sender=model, dispatch_uid=f"facet-index-deleted-{label}")


def hierarchy_changed():
    """Territories or rubriques changed parents: the keys they give may have changed anywhere."""
    if not _paused():
        reindex()


def fill_missing(apps=None, **kwargs):
    """After `migrate`: index the resources never indexed (all of them, when the column is new).
    Not after a migration back to before the index."""
    state = apps.get_model("core", "Resource") if apps else Resource
    if any(field.name == "facet_keys" for field in state._meta.get_fields()):
        reindex(Resource.objects.filter(facet_keys__isnull=True))
