"""Facets with counts: the options, facets and chips every faceted list shows (listing.py for
resources, the catalyseurs directory), and a generic FacetedFilterSet for small lists. A subclass of
`FacetedFilterSet` lists its facets in `facet_names` and, for each, a method
`count_<name>(queryset)` that returns its `Option`s counted over `queryset` in one query; the
machinery hands it the list filtered by every *other* active filter (the way data portals count),
marks selected options, disables empty ones, and builds the chips that remove one value each.
"""

from dataclasses import dataclass, field

import django_filters


@dataclass
class Option:
    value: str
    label: str
    count: int
    group: str = ""  # e.g. the région of a département, for <optgroup>
    selected: bool = False

    @property
    def disabled(self):
        """Nothing to find behind it (but a selected option stays usable, to be removed)."""
        return self.count == 0 and not self.selected


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)
    more: list = field(default_factory=list)  # the least frequent options, behind « voir tout »
    widget: str = "checkboxes"  # or "select" for long lists
    errors: list = field(default_factory=list)  # why the values given in the URL were ignored

    @property
    def selected(self):
        return [option for option in self.options + self.more if option.selected]

    @property
    def groups(self):
        """[(group label, [options])] in order, for <optgroup>s."""
        grouped = {}
        for option in self.options:
            grouped.setdefault(option.group, []).append(option)
        return list(grouped.items())


@dataclass
class Chip:
    label: str
    remove_url: str


def query_without(query, name, value=None):
    """`?…` for the QueryDict `query` less one value of `name` (all of them if value is None), page reset."""
    query = query.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        query.setlist(name, [v for v in query.getlist(name) if v.strip() != value])
    return "?" + query.urlencode() if query else "?"


class FacetedFilterSet(django_filters.FilterSet):
    facet_names = ()
    # {facet name: attribute of the chosen model instances that the URL carries}
    facet_keys = {}

    def queryset_without(self, name):
        """The queryset filtered by every valid active filter except `name`."""
        self.is_valid()
        queryset = self.queryset.all()
        for other, value in self.form.cleaned_data.items():
            if other != name:
                queryset = self.filters[other].filter(queryset, value)
        return queryset

    def selected(self, name):
        """The URL values of `name` that passed validation."""
        self.is_valid()
        value = self.form.cleaned_data.get(name)
        if not value:  # model choices arrive as an evaluated queryset: no query here
            return []
        items = [value] if isinstance(value, str) else list(value)
        key = self.facet_keys.get(name)
        return [str(getattr(item, key)) if key else str(item) for item in items]

    def facets(self):
        """Every facet with its options counted under the other active filters (one query each)."""
        facets = []
        for name in self.facet_names:
            selected = set(self.selected(name))
            options = getattr(self, f"count_{name}")(self.queryset_without(name))
            for option in options:
                option.selected = option.value in selected
            facets.append(
                Facet(
                    name,
                    self.filters[name].label,
                    options,
                    widget=getattr(self, "facet_widgets", {}).get(name, "checkboxes"),
                    errors=list(self.form.errors.get(name, [])),
                )
            )
        return facets

    def chips(self, facets=None):
        """One removable chip per active value, labelled like its option (or as typed, for text)."""
        labels = {
            (facet.name, option.value): option.label for facet in facets or [] for option in facet.options
        }
        query = self.data
        chips = []
        for name in self.filters:
            for value in self.selected(name):
                label = labels.get((name, value), value)
                prefix = self.filters[name].label
                chips.append(Chip(f"{prefix} : {label}", query_without(query, name, value)))
        return chips

    @property
    def has_active_filters(self):
        return any(self.selected(name) for name in self.filters)
