"""A faceted list of any FilterSet (PortalFilterSet): what every list page of the portal shows.

`Listing(request.GET, base_queryset, ResourceFilter)` applies the FilterSet and gives the page of
results (with highlighted excerpts when searching resources), the facets with their counts
computed under the other active filters (as data portals do), the active filters as removable
chips, and a « Vouliez-vous dire … » suggestion when a search finds nothing.

A list costs one query for the ids (and ranks) of the objects its other filters (text, years)
match; the facet index (facet_index.py) counts every facet and the results from them in memory,
and a list sorted by relevance reads its page among the few results ranked high enough to be on it.
"""

import heapq
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from odd17 import search

from . import changes, facet_index, options
from .facets import Chip, Choice, Facet
from .filters import ResourceFilter

PAGE_SIZE = 24
MAX_LEADERS = 500  # past this, a page deep in a ranked list is read by ranking every result again
MAX_LISTED = 2000  # up to this many results, a page in an order the index does not keep is read among them


class CountedPaginator(Paginator):
    """A paginator told how many objects there are (the facet index counted them): no COUNT query.

    Given `ranks` ({id: rank} of every result) when the order starts with the rank, it reads each
    page among the objects ranked at least as high as the last one the page can hold: these hold
    every object up to that page, in the same order. Given `window(bottom, top)` (the ids of the
    page, read from an order the facet index keeps) and `objects` (where to read them), it reads
    just those. A page that comes out short (the database changed under the index) is read again
    from `object_list`.
    """

    def __init__(self, object_list, per_page, count, ranks=None, window=None, objects=None):
        super().__init__(object_list, per_page)
        self.known_count, self.ranks, self.window, self.objects = count, ranks or {}, window, objects

    @cached_property
    def count(self):
        return self.known_count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if self.window:
            wanted = self.window(bottom, top)
            found = {item.pk: item for item in self.objects.filter(pk__in=wanted)}
            items = [found[pk] for pk in wanted if pk in found]
        elif self.ranks:
            items = list(among(self.object_list, leaders(self.ranks, top))[bottom:top])
        else:
            return super().page(number)
        if len(items) < top - bottom:
            items = list(self.object_list[bottom:top])
        return self._get_page(items, number, self)


def leaders(ranks, places):
    """The ids of `ranks` ({id: rank}) that can fill the first `places` of a list ordered by rank
    first: those ranked at least as high as the one in the last place (ties included)."""
    if len(ranks) <= places:
        return list(ranks)
    lowest = heapq.nlargest(places, ranks.values())[-1]
    return [pk for pk, rank in ranks.items() if rank >= lowest]


def among(queryset, ids):
    """`queryset` restricted to these ids, unless they are too many to be worth it."""
    return queryset.filter(pk__in=ids) if len(ids) <= MAX_LEADERS else queryset


class Listing:
    def __init__(
        self, data, queryset, filterset_class=ResourceFilter, *, hidden=(), shown=None, describe=None
    ):
        self.data, self.base, self.describe = data, queryset, describe  # describe(item): its card's details
        self.hidden = set(hidden)  # facets fixed by the page itself (e.g. the rubrique of a rubrique page)
        self.filterset_class = filterset_class
        self.filterset = filterset_class(data, queryset=queryset)
        self.index = facet_index.index_of(filterset_class)
        self.facet_specs = filterset_class.facets()
        self.shown = list(shown or self.facet_specs)  # the facets a page offers, in its order
        self.hidden |= set(self.facet_specs) - set(self.shown)

    # --- state -------------------------------------------------------------------------------

    @property
    def form(self):
        return self.filterset.form

    @property
    def text(self):
        return self.filterset.text

    def selected(self, name):
        return [str(value) for value in self.filterset.cleaned(name, [])]

    @cached_property
    def canonical_query(self):
        """The state as the URL should carry it: valid values only, territories by code."""
        pairs = []
        for name in self.filterset.filters:
            value = self.filterset.cleaned(name)
            values = value if isinstance(value, list) else [value]
            pairs += [(name, str(item)) for item in values if item not in (None, "")]
        return pairs

    @property
    def query(self):
        """The state as a query string (no page), for links to the same list elsewhere (its map)."""
        return urlencode(self.canonical_query)

    def redirect_url(self):
        """Where to send a request naming territories by name or number: the URL carries codes."""
        typed = [value for value in self.data.getlist("territoire") if value.strip()]
        if typed and typed != self.selected("territoire") and not self.filterset.errors:
            page = [("page", self.data["page"])] if self.data.get("page") else []
            return "?" + urlencode(self.canonical_query + page)
        return None

    def url_without(self, name, value=None):
        pairs = [(k, v) for k, v in self.canonical_query if not (k == name and (value is None or v == value))]
        return "?" + urlencode(pairs)

    @cached_property
    def fields(self):
        """The form's fields that are neither a facet, the text nor the sort (the years), in order."""
        return [
            self.form[name] for name in self.filterset.filters if name not in (*self.facet_specs, "q", "tri")
        ]

    @property
    def sorts(self):
        """[(value, label, selected)] of the orders offered (relevance only when searching)."""
        sorts = getattr(self.filterset, "SORTS", {})
        chosen = getattr(self.filterset, "sort_name", None)
        return [
            (value, label, value == chosen)
            for value, label in sorts.items()
            if value != "pertinence" or self.text
        ]

    # --- results -----------------------------------------------------------------------------

    @cached_property
    def version(self):
        """The database's record of change, read once for the index's sets and orders."""
        return changes.version()

    @property
    def tally(self):
        """The facet counts and the results (facet_index.Tally)."""
        return self._matched[0]

    @property
    def ranks(self):
        """{id: rank} of the results when their order starts with the rank, else None."""
        return self._matched[1]

    @cached_property
    def _matched(self):
        """(tally, ranks), from one query: the ids (and ranks) of the objects that the list's
        filters other than facets (text, years) match."""
        data = self.data.copy()
        for name in self.facet_specs:
            data.pop(name, None)
        unfaceted = self.filterset_class(data, queryset=self.base).filtered(self.base.all()).order_by()
        selected = {name: self.selected(name) for name in self.facet_specs}
        if not self.filterset.rank_leads:
            return self.index.count(facet_index.ids(unfaceted), selected, self.version), None
        ranks = dict(facet_index.rows(search.ranked(unfaceted, self.text).values_list("pk", "rank")))
        tally = self.index.count(ranks, selected, self.version)
        return tally, tally.matching(ranks)

    @cached_property
    def page(self):
        queryset, objects = self.filterset.qs, self.base
        if hasattr(queryset, "for_cards"):
            queryset, objects = queryset.for_cards(), objects.for_cards()
        order, window = self.filterset.static_order() if self.ranks is None else None, None
        if order:
            walked = self.index.order(*order, version=self.version)
            window = lambda bottom, top: self.tally.matched.window(walked, bottom, top)  # noqa: E731
        elif self.ranks is None and self.tally.narrowed and self.tally.total <= MAX_LISTED:
            # Sorted by locality: among the few results the index found, not through the facets' links.
            queryset = self.filterset.sort(objects.filter(pk__in=list(self.tally.matched)))
        paginator = CountedPaginator(queryset, PAGE_SIZE, self.tally.total, self.ranks, window, objects)
        page = paginator.get_page(self.data.get("page"))
        found = search.excerpts(queryset.model, [item.pk for item in page], self.text)
        for item in page:
            item.excerpt = found.get(item.pk)
            item.details = self.describe(item) if self.describe else []
        return page

    @property
    def count(self):
        return self.page.paginator.count

    @cached_property
    def suggestion(self):
        if self.count or not self.text:
            return None
        return search.suggestion(self.text, self.base.model)

    @property
    def suggestion_url(self):
        pairs = [(k, v) for k, v in self.canonical_query if k != "q"]
        return "?" + urlencode([("q", self.suggestion), *pairs])

    # --- facets ------------------------------------------------------------------------------

    @property
    def counts(self):
        return self.tally.counts

    @cached_property
    def facets(self):
        facets = []
        for name in self.shown:
            spec = self.facet_specs[name]
            if name in self.hidden:
                continue
            chosen, counts = set(self.selected(name)), self.counts[name]
            choices = [Choice(o, counts.get(o.value, 0), o.value in chosen) for o in spec.options()]
            more = []
            if spec.long:
                choices = [c for c in choices if c.count or c.selected]
                choices.sort(key=lambda c: (not c.selected, -c.count, c.label))
                choices, more = choices[: spec.long], choices[spec.long :]
            errors = list(self.form.errors.get(name, []))
            facets.append(
                Facet(name, spec.label, choices, more, spec.widget_name, errors, expanded=spec.expanded)
            )
        return facets

    @cached_property
    def chips(self):
        labels = {facet.name: {o.value: o.label for o in facet.options + facet.more} for facet in self.facets}
        chips = []
        for name, value in self.canonical_query:
            if name in ("tri", *self.hidden):
                continue
            label = self.filterset.filters[name].label
            shown = labels.get(name, {}).get(value, value)
            chips.append(Chip(f"{label} : {shown}", self.url_without(name, value)))
        return chips

    @property
    def territory_note(self):
        """Says what a chosen territory includes, as the visitor would not guess it."""
        chosen = self.selected("territoire")
        if not chosen or not getattr(self.filterset, "territory_note", ""):
            return ""
        names = options.labels("territoire")
        return self.filterset.territory_note.format(names=", ".join(names[code] for code in chosen))
