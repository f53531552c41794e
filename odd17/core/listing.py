"""A faceted list of resources: what every list page of the portal shows, computed once here.

`Listing(request.GET, base_queryset)` applies the shared ResourceFilter and gives the page of
results (with highlighted excerpts when searching), the facets with their counts computed under
the other active filters (as data portals do), the active filters as removable chips, and a
« Vouliez-vous dire … » suggestion when a search finds nothing. All facet counts come from one
SQL query over the facet index (facet_index.py), cached until the content changes.
"""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from odd17 import search

from . import facet_index, freshness, options
from .facets import Chip, Facet, Option
from .filters import ResourceFilter

PAGE_SIZE = 24
COUNTS_TIMEOUT = 300
FACETS = [spec.param for spec in facet_index.facets()]
LONG_FACETS = {"producteur": 12, "mot_cle": 12}  # show the most frequent, the rest behind « voir tout »


class CountedPaginator(Paginator):
    """A paginator told how many objects there are (the facet index counted them): no COUNT query."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


class Listing:
    def __init__(self, data, queryset, *, hidden=()):
        self.data = data
        self.hidden = set(hidden)  # facets fixed by the page itself (e.g. the rubrique of a rubrique page)
        self.filterset = ResourceFilter(data, queryset=queryset)
        self.base = queryset

    # --- state -------------------------------------------------------------------------------

    @property
    def form(self):
        return self.filterset.form

    @property
    def text(self):
        return self.filterset.text

    @property
    def years(self):
        """The valid publication years asked for, as the form shows them back."""
        return {name: self.filterset.cleaned(name, "") for name in ("annee_min", "annee_max")}

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

    def redirect_url(self):
        """Where to send a request naming territories by name or number: the URL carries codes."""
        typed = self.data.getlist("territoire")
        if typed and typed != self.selected("territoire") and not self.filterset.errors:
            page = [("page", self.data["page"])] if self.data.get("page") else []
            return "?" + urlencode(self.canonical_query + page)
        return None

    def url_without(self, name, value=None):
        pairs = [(k, v) for k, v in self.canonical_query if not (k == name and (value is None or v == value))]
        return "?" + urlencode(pairs)

    # --- results -----------------------------------------------------------------------------

    @cached_property
    def page(self):
        paginator = CountedPaginator(self.filterset.sorted_qs().for_cards(), PAGE_SIZE, self._counted[1])
        page = paginator.get_page(self.data.get("page"))
        found = search.excerpts([resource.pk for resource in page], self.text)
        for resource in page:
            resource.excerpt = found.get(resource.pk)
        return page

    @property
    def count(self):
        return self.page.paginator.count

    @cached_property
    def suggestion(self):
        if self.count or not self.text:
            return None
        return search.suggestion(self.text)

    @property
    def suggestion_url(self):
        pairs = [(k, v) for k, v in self.canonical_query if k != "q"]
        return "?" + urlencode([("q", self.suggestion), *pairs])

    # --- facets ------------------------------------------------------------------------------

    def _others(self):
        """[(active facet, the list filtered by the other facets only)]: what its options count."""
        others = []
        for name in FACETS:
            if self.selected(name):
                data = self.data.copy()
                data.pop(name, None)
                others.append((name, ResourceFilter(data, queryset=self.base).qs))
        return others

    @cached_property
    def _counted(self):
        """({facet: {value: count}}, number of results), cached per state of the filters until the
        content changes."""
        version = freshness.current(freshness.CONTENT)
        state = urlencode(sorted(self.canonical_query)) + "|" + str(self.base.query)
        # "listing:" (formerly "facets:", which held the counts alone): servers of the two versions
        # sharing one cache during a deploy never read each other's entries.
        key = f"listing:{version}:{hashlib.sha256(state.encode()).hexdigest()}"
        counts = cache.get(key)
        if counts is None:
            counts = facet_index.counts(self.filterset.qs, self._others())
            cache.set(key, counts, COUNTS_TIMEOUT)
        return counts

    @property
    def counts(self):
        return self._counted[0]

    @cached_property
    def facets(self):
        facets = []
        for name in FACETS:
            if name in self.hidden:
                continue
            chosen, counts = set(self.selected(name)), self.counts[name]
            choices = [
                Option(o.value, o.label, counts.get(o.value, 0), o.group, o.value in chosen)
                for o in options.options(name)
            ]
            more = []
            if name in LONG_FACETS:
                choices = [c for c in choices if c.count or c.selected]
                choices.sort(key=lambda c: (not c.selected, -c.count, c.label))
                choices, more = choices[: LONG_FACETS[name]], choices[LONG_FACETS[name] :]
            facets.append(Facet(name, ResourceFilter.base_filters[name].label, choices, more=more))
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
        if not chosen:
            return ""
        names = options.labels("territoire")
        return (
            "Territoire choisi : "
            + ", ".join(names[code] for code in chosen)
            + ". Sont inclus les ressources "
            "nationales, celles de la région et celles des départements concernés ; les plus locales d'abord."
        )
