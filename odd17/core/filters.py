"""The one filter definition of resources, shared by every list of the portal."""

import django_filters
from taggit.models import Tag

from .models import Domain, Goal, Kind, Organisation, Profile, Resource, Rubrique, Target, Territory


def multiple(field_name, queryset, label, to_field_name="slug"):
    """Several values of one vocabulary, given by their natural key (OR within the facet)."""
    return django_filters.ModelMultipleChoiceFilter(
        field_name=f"{field_name}__{to_field_name}",
        to_field_name=to_field_name,
        queryset=queryset,
        label=label,
        distinct=True,
    )


class ResourceFilter(django_filters.FilterSet):
    profil = multiple("profiles", Profile.objects.all(), "Profil d'acteur")
    domaine = multiple("domains", Domain.objects.all(), "Domaine")
    territoire = django_filters.ModelChoiceFilter(
        to_field_name="code", queryset=Territory.objects.all(), method="filter_territory", label="Territoire"
    )
    odd = multiple("goals", Goal.objects.all(), "ODD", to_field_name="number")
    cible = multiple("targets", Target.objects.all(), "Cible de l'ODD 17", to_field_name="code")
    type = multiple("kind", Kind.objects.all(), "Type de ressource")
    rubrique = django_filters.ModelChoiceFilter(
        to_field_name="slug", queryset=Rubrique.objects.all(), method="filter_rubrique", label="Rubrique"
    )
    producteur = multiple("producers", Organisation.objects.all(), "Producteur")
    mot_cle = multiple("tags", Tag.objects.all(), "Mot-clé")

    class Meta:
        model = Resource
        fields = []

    def filter_territory(self, queryset, name, value):
        return queryset.covering(value)

    def filter_rubrique(self, queryset, name, value):
        return queryset.in_rubrique(value)
