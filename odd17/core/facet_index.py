"""The facet index: every resource carries the keys of the facet values that select it.

`Resource.facet_keys` is a JSON object whose keys are "facet:value" ("profil:collectivites",
"territoire:69"…), derived from each facet's lookup in filters.py: a resource of the Rhône holds
"territoire:69", "territoire:R84" and "territoire:FR", since each of these choices selects it. (An
object rather than a list: `has_any_keys` then tests membership on both databases.) Filtering by a
facet is a test on the resource's own row (GIN-indexed on PostgreSQL), instead of one join per facet.

Counting is done in memory: each process keeps, per key, the set of the resources that hold it (a
bitset, rebuilt when the content changes), so counting every facet under the active filters costs
one query for the ids the other filters (text, years) match, then microseconds per key.

Kept current by signals (watch(): a resource's save, any change of its links or keywords, a save or
delete of a vocabulary row); rebuilt in one statement by reindex(): bulk loaders run inside bulk(),
hierarchy changes rebuild everything, `manage.py migrate` fills resources never indexed, and
`manage.py reindex_facets` rebuilds it all. QuerySet.update() and raw SQL on links or vocabularies
send no signal: call reindex() after them.
"""

import functools
import operator
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from taggit.models import TaggedItem

from . import freshness
from .filters import OptionsFilter, ResourceFilter, facet_key
from .models import Resource

# Per database: the aggregate building a resource's object of keys.
AGGREGATE = {"postgresql": "jsonb_object_agg(u.key, 1)", "sqlite": "json_group_object(u.key, 1)"}

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
        links, params = parts[0].union(*parts[1:]).query.sql_with_params()  # UNION: each key once
    except EmptyResultSet:  # e.g. filter(pk__in=[]): nothing to do
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE core_resource SET facet_keys = k.keys FROM"
            f" (SELECT u.rid, {AGGREGATE[connection.vendor]} AS keys FROM ({links}) AS u GROUP BY u.rid) AS k"
            f" WHERE core_resource.id = k.rid",
            params,
        )


def rows(queryset):
    """The rows of a values_list() queryset as the database gives them: no conversion per row
    (a list's ids and ranks are read for every result, 50 000 at a time)."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # e.g. Resource.objects.none()
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ids(queryset):
    """The ids of a queryset of resources, read as rows()."""
    return [pk for (pk,) in rows(queryset.order_by().values_list("pk"))]


def _add(flags, pk):
    """Set bit `pk` of the bytearray `flags`, grown as needed (rows read while others are added)."""
    if pk >> 3 >= len(flags):
        flags.extend(bytes((pk >> 3) + 1 - len(flags)))
    flags[pk >> 3] |= 1 << (pk & 7)


def _bitset(ids):
    """The ids as one integer whose bit `id` is set for each: sets of resources, intersected and
    counted in microseconds (`&`, `bit_count()`). Sized once (every list page sets up to 50 000 bits
    here: growing as _add() does would cost half as much again)."""
    ids = list(ids)
    flags = bytearray(max(ids, default=0) // 8 + 1)
    for pk in ids:
        flags[pk >> 3] |= 1 << (pk & 7)
    return int.from_bytes(flags, "little")


def build_sets():
    """{key: the set of the resources that hold it, as a bitset}, read from every row's keys, a
    chunk at a time (at 50 000 resources the rows would weigh 60 MB at once, the sets 3 MB)."""
    flags = {}
    indexed = Resource.objects.order_by().filter(facet_keys__isnull=False)
    for pk, keys in indexed.values_list("pk", "facet_keys").iterator(chunk_size=5000):
        for key in keys:
            _add(flags.setdefault(key, bytearray()), pk)
    return {key: int.from_bytes(members, "little") for key, members in flags.items()}


# The sets of every key, rebuilt when the content changes (0.8–1.6 s at 50 000 resources).
SETS = freshness.Memo("facet-sets", build_sets)


def within(ranks, members):
    """`ranks` ({id: …}) restricted to the resources of the bitset `members`."""
    size = max(ranks, default=0) // 8 + 1
    flags = (members & ((1 << size * 8) - 1)).to_bytes(size, "little")
    return {pk: value for pk, value in ranks.items() if flags[pk >> 3] >> (pk & 7) & 1}


@dataclass
class Tally:
    counts: dict  # {facet: {value: number of resources}}
    total: int  # the number of resources matched by every filter
    matched: int  # their bitset
    narrowed: bool  # whether some value was selected (then `matched` may leave out some ids counted)
    sets: dict  # the facet index's sets it was counted with

    def holders(self, keys):
        """The resources holding any of these keys, as a bitset."""
        return holders(self.sets, keys)

    def matching(self, ranks):
        """`ranks` ({id: …} of the ids counted) without the resources the selected values leave out."""
        return within(ranks, self.matched) if self.narrowed else ranks


def holders(sets, keys):
    return functools.reduce(operator.or_, (sets.get(key, 0) for key in keys), 0)


def counts(ids, selected=None):
    """Count every facet's values over the resources of `ids` that the `selected` values
    ({facet: [value, …]}: OR within a facet, AND across) select.

    As data portals do, a facet with selected values is counted under the other facets only, so
    that its other values show what choosing them as well would add.
    """
    sets = SETS.get()
    chosen = {  # {facet: the resources its selected values select}
        facet: holders(sets, (facet_key(facet, value) for value in values))
        for facet, values in (selected or {}).items()
        if values
    }
    matched = _bitset(ids)
    under = dict.fromkeys(chosen, matched)  # what each chosen facet is counted over
    for facet, members in chosen.items():
        matched &= members
        for other in under:
            if other != facet:
                under[other] &= members
    found = {spec.param: {} for spec in facets()}
    for key, members in sets.items():
        facet, _, value = key.partition(":")
        if facet in found:  # not a key left by a facet since removed (until reindexed)
            number = (members & under.get(facet, matched)).bit_count()
            if number:
                found[facet][value] = number
    return Tally(found, matched.bit_count(), matched, bool(chosen), sets)


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
