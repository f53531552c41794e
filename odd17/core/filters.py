"""The one filter definition of resources, shared by every list, the search page and the facets.

Every facet takes several values (OR within a facet, AND across facets), validated against the
cached option lists of options.py (no query). A facet's definition is its `lookup`, the path from
a resource to the value; from it come the keys of the facet index (facet_index.py), and a facet
filters and counts through that index: one test on the resource's row, whatever the relation.
The query string is French: `?profil=…&territoire=69`.
"""

import django_filters
from django import forms
from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.utils.functional import cached_property
from taggit.models import TaggedItem

from odd17 import search

from . import options
from .models import Resource


def facet_key(facet, value):
    """The facet index's key of one value: "territoire:69"."""
    return f"{facet}:{value}"


class OptionsField(forms.MultipleChoiceField):
    """Several values; empty ones (an unfilled input of the form) are dropped, not refused."""

    def to_python(self, value):
        return [item for item in super().to_python(value) if item.strip()]


class TerritoryField(OptionsField):
    """Territories typed by code (« 69 », « 2A », « R84 ») or by name (« Rhône »); cleaned to codes."""

    def to_python(self, value):
        return [options.territory_code(raw) or raw for raw in super().to_python(value)]


class OptionsFilter(django_filters.MultipleChoiceFilter):
    """Several values of one vocabulary, checked against its cached options.

    `lookup` is the path from a resource to the value (`profiles__slug`); values are OR-ed.
    """

    field_class = OptionsField

    def __init__(self, *args, lookup, **kwargs):
        self.lookup = lookup
        super().__init__(
            *args, choices=lambda: [(o.value, o.label) for o in options.options(self.param)], **kwargs
        )

    @property
    def param(self):
        return self.field_name

    @cached_property
    def relation(self):
        """(link rows, their column naming the resource, path from a row to the value).

        The resources themselves when the value is a column of the resource (or of its kind).
        """
        name, _, rest = self.lookup.partition("__")
        if name == "tags":  # taggit: generic links, not a many-to-many table
            rows = TaggedItem.objects.filter(content_type__app_label="core", content_type__model="resource")
            return rows, "object_id", f"tag__{rest}"
        field = Resource._meta.get_field(name)
        if not field.many_to_many:
            return Resource.objects.all(), "pk", self.lookup
        through = field.remote_field.through.objects.all()
        return through, field.m2m_field_name(), f"{field.m2m_reverse_field_name()}__{rest}"

    @property
    def row_path(self):
        """The path from a resource to the row holding the value (`territories__in_scope_of`)."""
        return self.lookup.rpartition("__")[0]

    def key_rows(self, resources):
        """The links giving each of `resources` its index keys for this facet, annotated `rid`
        (the resource) and `key` (one row per link: a key may come twice, through two links)."""
        rows, resource, path = self.relation
        key = Concat(Value(facet_key(self.param, "")), Cast(path, CharField()))
        return (
            rows.filter(**{f"{resource}__in": resources.values("pk")})
            .order_by()
            .annotate(rid=F(resource), key=key)
            .exclude(key=facet_key(self.param, ""))  # no value (a blank format, a kind without door)
        )

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(facet_keys__has_any_keys=[facet_key(self.param, item) for item in value])


class TerritoryFilter(OptionsFilter):
    field_class = TerritoryField


class ResourceFilter(django_filters.FilterSet):
    SORTS = {"pertinence": "Pertinence", "recent": "Les plus récentes", "titre": "Titre (A → Z)"}

    q = django_filters.CharFilter(label="Recherche", method="filter_text", max_length=search.MAX_LENGTH)
    axe = OptionsFilter(label="Axe", lookup="rubriques__axis")
    rubrique = OptionsFilter(label="Rubrique", lookup="rubriques__in_scope_of__slug")
    porte = OptionsFilter(label="Porte d'entrée", lookup="kind__door")
    type = OptionsFilter(label="Type de ressource", lookup="kind__slug")
    profil = OptionsFilter(label="Profil d'acteur", lookup="profiles__slug")
    critere = OptionsFilter(label="Critère", lookup="domains__criterion")
    domaine = OptionsFilter(label="Domaine", lookup="domains__slug")
    territoire = TerritoryFilter(label="Territoire", lookup="territories__in_scope_of__code")
    odd = OptionsFilter(label="ODD", lookup="goals__number")
    cible = OptionsFilter(label="Cible de l'ODD 17", lookup="targets__code")
    format = OptionsFilter(label="Format", lookup="format")
    producteur = OptionsFilter(label="Producteur", lookup="producers__slug")
    mot_cle = OptionsFilter(label="Mot-clé", lookup="tags__slug")
    annee_min = django_filters.NumberFilter(
        label="Publiée à partir de (année)",
        field_name="published_on__year",
        lookup_expr="gte",
        min_value=1900,
        max_value=2100,
    )
    annee_max = django_filters.NumberFilter(
        label="Publiée jusqu'en (année)",
        field_name="published_on__year",
        lookup_expr="lte",
        min_value=1900,
        max_value=2100,
    )
    tri = django_filters.ChoiceFilter(label="Trier par", choices=list(SORTS.items()), method="keep")

    class Meta:
        model = Resource
        fields = []

    def filter_text(self, queryset, name, value):
        return search.matching(queryset, value)

    def keep(self, queryset, name, value):
        return queryset  # sorting is applied by sorted_qs(), on the page's query only

    def cleaned(self, name, default=None):
        """A valid submitted value (invalid ones are ignored and explained by the form's errors)."""
        self.errors  # noqa: B018 — validates the form once
        return getattr(self.form, "cleaned_data", {}).get(name) or default

    @property
    def text(self):
        return self.cleaned("q", "")

    @property
    def territories(self):
        return self.cleaned("territoire", [])

    @property
    def sort(self):
        return self.cleaned("tri") or ("pertinence" if search.parse(self.text).groups else "recent")

    @property
    def by_relevance(self):
        return self.sort == "pertinence" and bool(search.parse(self.text).groups)

    @property
    def rank_leads(self):
        """The order starts with the rank (sorted by relevance, no territory putting the most local first)."""
        return self.by_relevance and not self.territories

    def sorted_qs(self):
        """The filtered resources in the chosen order, the most local first when a territory is chosen."""
        queryset, order = self.qs, []
        if self.territories:
            local = Resource.territories.through.objects.filter(
                resource=OuterRef("pk"), territory__in_scope_of__code__in=self.territories
            ).order_by("-territory__level")
            queryset = queryset.annotate(locality=Subquery(local.values("territory__level")[:1]))
            order.append("-locality")
        if self.by_relevance:
            queryset = search.ranked(queryset, self.text)
            order.append("-rank")
        elif self.sort == "titre":
            order.append("title")
        return queryset.order_by(*order, *Resource._meta.ordering, "pk")
