"""The FilterSets of the portal: one per kind of object (resources here, catalyseurs in their app),
serving its HTML lists, the search page and any other reader of the same list, sorting included.

A facet is an `OptionsFilter`: several values of one vocabulary (OR within a facet, AND across),
validated against the cached option lists of options.py (no query), defined by its `lookup`, the
path from an object to the value. The link tables are the truth: a facet filters through them in
SQL, and the facet index (facet_index.py) counts from sets it derives from the same lookups.
The query string is French: `?profil=…&territoire=69`.
"""

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from taggit.models import TaggedItem

from odd17 import search

from . import options
from .models import Resource

YEAR_BOUNDS = {"min_value": 1900, "max_value": 2100}


class OptionsField(forms.MultipleChoiceField):
    """Several values; empty ones (an unfilled input of the form) are dropped, not refused."""

    def to_python(self, value):
        return [item for item in super().to_python(value) if item.strip()]


class TerritoryField(OptionsField):
    """Territories typed by code (« 69 », « 2A », « R84 ») or by name (« Rhône »); cleaned to codes."""

    def to_python(self, value):
        return [options.territory_code(raw) or raw for raw in super().to_python(value)]


def single_valued(model, path):
    """Whether `path` leads from an object to one value at most (foreign keys and columns only)."""
    for name in path.split("__")[:-1]:
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return False
        model = field.related_model
    return True


class OptionsFilter(django_filters.MultipleChoiceFilter):
    """Several values of one vocabulary, checked against its cached options.

    `lookup` is the path from an object of the FilterSet's model to the value (`profiles__slug`);
    values are OR-ed. `widget` says how the filter form shows it ("checkboxes", "territory"); a
    facet in `long` shows its `long` most frequent values, the others behind « voir tout »; an
    `expanded` one is shown open (a short list of facets).
    """

    field_class = OptionsField

    def __init__(self, *args, lookup, widget="checkboxes", long=0, choices=None, expanded=False, **kwargs):
        self.lookup, self.widget_name, self.long, self.expanded = lookup, widget, long, expanded
        self.fixed = [options.Option(value, label) for value, label in choices] if choices else None
        super().__init__(*args, choices=lambda: [(o.value, o.label) for o in self.options()], **kwargs)

    @property
    def param(self):
        return self.field_name

    def options(self):
        """The values it offers: its fixed `choices` (a model's choices), else the cached vocabulary's."""
        return self.fixed if self.fixed is not None else options.options(self.param)

    def relation(self, model):
        """(link rows, their column naming the object, path from a row to the value).

        The objects themselves when the value is reached through a foreign key (or is a column).
        """
        name, _, rest = self.lookup.partition("__")
        if name == "tags":  # taggit: generic links, not a many-to-many table
            rows = TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(model))
            return rows, "object_id", f"tag__{rest}"
        field = model._meta.get_field(name)
        if not field.many_to_many:
            return model._default_manager.all(), "pk", self.lookup
        through = field.remote_field.through.objects.all()
        return through, field.m2m_field_name(), f"{field.m2m_reverse_field_name()}__{rest}"

    def pairs(self, model):
        """(facet, value as text, object id) of every object of `model` and value of this facet that
        selects it (once or more), as a values_list queryset: what the facet index is built from."""
        rows, column, path = self.relation(model)
        return (
            rows.order_by()
            .exclude(**{f"{path}__isnull": True})
            .annotate(facet=Value(self.param), value=Cast(path, CharField()), oid=F(column))
            .values_list("facet", "value", "oid")
        )

    def filter(self, queryset, value):
        if not value:
            return queryset
        rows, column, path = self.relation(queryset.model)
        if column == "pk" and single_valued(queryset.model, path):  # a column, or through foreign keys
            return queryset.filter(**{f"{path}__in": value})
        return queryset.filter(pk__in=rows.filter(**{f"{path}__in": value}).values(column))


class TerritoryFilter(OptionsFilter):
    field_class = TerritoryField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, widget="territory", **kwargs)


class PortalFilterSet(django_filters.FilterSet):
    """A FilterSet whose `qs` is filtered and sorted (`sort()`), and that tells its valid values."""

    def filter_queryset(self, queryset):
        return self.sort(self.filtered(queryset))

    def filtered(self, queryset):
        """`queryset` filtered, in no particular order."""
        if not self.is_bound:
            return queryset
        self.errors  # noqa: B018 — validates the form once
        return super().filter_queryset(queryset)

    def sort(self, queryset):
        return queryset

    @classmethod
    def facets(cls):
        """{query-string name: OptionsFilter} of the facets, in the order declared."""
        return {name: spec for name, spec in cls.base_filters.items() if isinstance(spec, OptionsFilter)}

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

    rank_leads = False  # whether the order starts with the rank of a full-text search

    def static_order(self):
        """(name, fields) of the chosen order when it depends on no visitor's input (no rank, no
        territory): the facet index keeps it, and pages are read from it. Else None."""
        return None

    def filter_text(self, queryset, name, value):
        return search.matching(queryset, value)

    def keep(self, queryset, name, value):
        return queryset  # a value read by sort(), not a filter


def text_filter(label):
    return django_filters.CharFilter(
        label=label,
        method="filter_text",
        max_length=search.MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class ResourceFilter(PortalFilterSet):
    SORTS = {"pertinence": "Pertinence", "recent": "Les plus récentes", "titre": "Titre (A → Z)"}
    territory_note = (
        "Territoire choisi : {names}. Sont inclus les ressources nationales, celles de la région et"
        " celles des départements concernés ; les plus locales d'abord."
    )

    q = text_filter("Rechercher dans ces ressources")
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
    producteur = OptionsFilter(label="Producteur", lookup="producers__slug", long=12)
    mot_cle = OptionsFilter(label="Mot-clé", lookup="tags__slug", long=12)
    annee_min = django_filters.NumberFilter(
        label="Publiée à partir de (année)", field_name="published_on__year", lookup_expr="gte", **YEAR_BOUNDS
    )
    annee_max = django_filters.NumberFilter(
        label="Publiée jusqu'en (année)", field_name="published_on__year", lookup_expr="lte", **YEAR_BOUNDS
    )
    tri = django_filters.ChoiceFilter(label="Trier par", choices=list(SORTS.items()), method="keep")

    class Meta:
        model = Resource
        fields = []

    @cached_property
    def sort_name(self):
        return self.cleaned("tri") or ("pertinence" if search.parse(self.text).groups else "recent")

    @property
    def by_relevance(self):
        return self.sort_name == "pertinence" and bool(search.parse(self.text).groups)

    @property
    def rank_leads(self):
        """The order starts with the rank (sorted by relevance, no territory putting the most local first)."""
        return self.by_relevance and not self.territories

    def static_order(self):
        if self.territories or self.by_relevance:
            return None
        first = ["title"] if self.sort_name == "titre" else []
        return self.sort_name, [*first, *Resource._meta.ordering, "pk"]

    def sort(self, queryset):
        """The chosen order, the most local first when a territory is chosen."""
        order = []
        if self.territories:
            local = Resource.territories.through.objects.filter(
                resource=OuterRef("pk"), territory__in_scope_of__code__in=self.territories
            ).order_by("-territory__level")
            queryset = queryset.annotate(locality=Subquery(local.values("territory__level")[:1]))
            order.append(F("locality").desc(nulls_last=True))
        if self.by_relevance:
            queryset = search.ranked(queryset, self.text)
            order.append("-rank")
        elif self.sort_name == "titre":
            order.append("title")
        return queryset.order_by(*order, *Resource._meta.ordering, "pk")
