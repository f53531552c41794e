"""The one filter definition of catalyseurs: the directory, its map and its GeoJSON all use it."""

import django_filters
from django import forms
from django.db.models import Count, F, Q

from odd17.core.facets import FacetedFilterSet, Option
from odd17.core.models import Metier, Profile, Territory

from .models import Catalyseur, searchable

TEXT_MAX_LENGTH = 200


class CatalyseurFilter(FacetedFilterSet):
    q = django_filters.CharFilter(
        method="filter_text",
        label="Mots",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    metier = django_filters.ModelMultipleChoiceFilter(
        queryset=Metier.objects.all(), to_field_name="slug", method="filter_metier", label="Métier"
    )
    profil = django_filters.ModelMultipleChoiceFilter(
        field_name="profile__slug",
        queryset=Profile.objects.all(),
        to_field_name="slug",
        label="Profil d'acteur",
    )
    territoire = django_filters.ModelMultipleChoiceFilter(
        queryset=Territory.objects.all(),
        to_field_name="code",
        method="filter_territory",
        label="Territoire",
    )

    facet_names = ("metier", "profil", "territoire")
    facet_keys = {"metier": "slug", "profil": "slug", "territoire": "code"}
    facet_widgets = {"territoire": "select"}

    class Meta:
        model = Catalyseur
        fields = []

    def filter_text(self, queryset, name, value):
        return queryset.matching(value)

    # An empty multiple choice arrives as an empty queryset, which django-filter passes to methods.

    def filter_metier(self, queryset, name, value):
        return queryset.practising(value) if value else queryset

    def filter_territory(self, queryset, name, value):
        if not value:
            return queryset
        # The most local first: a département's own catalyseurs, then its région's, then national ones.
        return queryset.covering(value).order_by(F("territory__level").desc(nulls_last=True), "name")

    # Facet counts: one query each, over `queryset` (the list under the other active filters).

    def count_metier(self, queryset):
        metiers = Metier.objects.annotate(
            n=Count("roles", filter=Q(roles__catalyseur__in=queryset.values("pk")))
        ).order_by("order", "name")
        return [Option(metier.slug, metier.name, metier.n) for metier in metiers]

    def count_profil(self, queryset):
        profiles = Profile.objects.annotate(
            n=Count("catalyseurs", filter=Q(catalyseurs__in=queryset.values("pk")))
        ).order_by("order", "name")
        return [Option(profile.slug, profile.name, profile.n) for profile in profiles]

    def count_territoire(self, queryset):
        """Counted with the territory rule (the `scope` of each territory), grouped by région."""
        territories = list(
            Territory.objects.exclude(level=Territory.Level.PAYS)
            .annotate(n=Count("scope__catalyseurs", filter=Q(scope__catalyseurs__in=queryset.values("pk"))))
            .order_by("level", "code")
        )
        regions = sorted(
            (t for t in territories if t.level == Territory.Level.REGION), key=lambda r: searchable(r.name)
        )
        options = []
        for region in regions:
            options.append(Option(region.code, f"{region.name} (toute la région)", region.n, region.name))
            options += [
                Option(departement.code, str(departement), departement.n, region.name)
                for departement in territories
                if departement.parent_id == region.pk
            ]
        return options
