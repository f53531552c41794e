"""The facet index: for each facet value of a FilterSet, the set of the objects it selects.

Counting every facet under a list's other filters is then one query for the ids the list's other
filters (text, years) match, and set operations in memory (IdSet): microseconds per value.

The sets are derived from the link tables (each facet's lookup, filters.py), which stay the only
truth: an index is labelled with the database's record of change (changes.py, kept by triggers on
every table public pages show), and rebuilt when that record moves, whoever wrote to the tables.
Each process keeps its sets; with a shared cache (Redis) the last sets built are shared there.

One index per FilterSet class: `index_of(ResourceFilter)`. A FilterSet that extends another of the
same model (TrainingFilter adds the modalité) builds its own facets only, and reads the others
from its parent's index.
"""

from array import array
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection

from . import changes, freshness
from .idset import Builder, IdSet


def key(facet, value):
    """The index's key of one value: "territoire:69"."""
    return f"{facet}:{value}"


def rows(queryset):
    """The rows of a values_list() queryset as the database gives them: no conversion per row
    (a list's ids and ranks are read for every result, 100 000 at a time)."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # e.g. Resource.objects.none()
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ids(queryset):
    """The ids of a queryset, read as rows()."""
    return [pk for (pk,) in rows(queryset.order_by().values_list("pk"))]


@dataclass
class Tally:
    counts: dict  # {facet: {value: number of objects}}
    matched: IdSet  # the objects matched by every filter
    narrowed: bool  # whether some value was selected (then `matched` may leave out some ids counted)
    sets: dict  # the sets it was counted with

    @property
    def total(self):
        return len(self.matched)

    def holders(self, keys):
        """The objects holding any of these keys."""
        return IdSet.union(self.sets.get(item, IdSet()) for item in keys)

    def matching(self, ranks):
        """`ranks` ({id: …} of the ids counted) without the objects the selected values leave out."""
        return self.matched.keep(ranks) if self.narrowed else ranks


class FacetIndex:
    def __init__(self, filterset_class, base=None):
        self.filterset_class, self.base = filterset_class, base
        self.model = filterset_class._meta.model
        inherited = base.facets if base else {}
        self.facets = filterset_class.facets()
        self.own = {name: spec for name, spec in self.facets.items() if name not in inherited}
        self.memo = freshness.Memo(
            f"facet-sets:{filterset_class.__name__}", self.build, version=changes.version
        )
        self.orders = {}  # {order name: Memo of the ids in that order}

    def build(self):
        """{key: IdSet} of this index's own facets, read from the link tables in one query, streamed."""
        parts = [spec.pairs(self.model) for spec in self.own.values()]
        if not parts:
            return {}
        builders = {}
        with connection.cursor() as cursor:
            sql, params = parts[0].union(*parts[1:], all=True).query.sql_with_params()
            cursor.execute(sql, params)
            while chunk := cursor.fetchmany(10_000):
                for facet, value, pk in chunk:
                    if value == "":  # a blank format: selects nothing
                        continue
                    item = f"{facet}:{value}"
                    builder = builders.get(item)
                    if builder is None:
                        builder = builders[item] = Builder()
                    builder.add(pk)
        return {item: builder.build() for item, builder in builders.items()}

    def sets(self, version=None):
        """{key: IdSet} of every facet: this process's copy while the database has not changed."""
        version = version or changes.version()
        own = self.memo.get(version)
        return {**self.base.sets(version), **own} if self.base else own

    def order(self, name, fields, version=None):
        """The ids of every object in the order `fields` (an order of the FilterSet that depends on
        no visitor's input: `static_order()`), kept as the sets are: a page is then read by walking
        it, whatever the facets chosen."""
        if name not in self.orders:
            ordered = self.model._default_manager.order_by(*fields).values_list("pk")
            build = lambda: array("q", (pk for (pk,) in rows(ordered)))  # noqa: E731
            self.orders[name] = freshness.Memo(
                f"order:{self.filterset_class.__name__}:{name}", build, version=changes.version
            )
        return self.orders[name].get(version or changes.version())

    def count(self, matched_ids, selected=None, version=None):
        """Count every facet's values over the objects of `matched_ids` that the `selected` values
        ({facet: [value, …]}: OR within a facet, AND across) select.

        As data portals do, a facet with selected values is counted under the other facets only, so
        that its other values show what choosing them as well would add. `version`: the record of
        change if the caller has just read it (changes.version()).
        """
        sets = self.sets(version)
        chosen = {  # {facet: the objects its selected values select}
            facet: IdSet.union(sets.get(key(facet, value), IdSet()) for value in values)
            for facet, values in (selected or {}).items()
            if values
        }
        matched = IdSet.of(matched_ids)
        under = dict.fromkeys(chosen, matched)  # what each chosen facet is counted over
        for facet, members in chosen.items():
            matched &= members
            for other in under:
                if other != facet:
                    under[other] &= members
        found = {name: {} for name in self.facets}
        for item, members in sets.items():
            facet, _, value = item.partition(":")
            if facet in found and (number := len(members & under.get(facet, matched))):
                found[facet][value] = number
        return Tally(found, matched, bool(chosen), sets)


INDEXES = {}


def index_of(filterset_class):
    """The facet index of this FilterSet class (made once per process)."""
    if filterset_class not in INDEXES:
        parents = [
            parent
            for parent in filterset_class.__mro__[1:]
            if getattr(getattr(parent, "_meta", None), "model", None) is filterset_class._meta.model
        ]
        base = index_of(parents[0]) if parents else None
        INDEXES[filterset_class] = FacetIndex(filterset_class, base)
    return INDEXES[filterset_class]
