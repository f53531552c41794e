"""The one filter definition of catalyseurs: the directory, its map and its GeoJSON all use it."""

from django.db.models import F

from odd17.core.filters import OptionsFilter, PortalFilterSet, TerritoryFilter, text_filter

from .models import Catalyseur


class CatalyseurFilter(PortalFilterSet):
    q = text_filter("Mots")
    metier = OptionsFilter(label="Métier", lookup="metiers__slug", expanded=True)
    profil = OptionsFilter(label="Profil d'acteur", lookup="profile__slug", expanded=True)
    territoire = TerritoryFilter(label="Territoire", lookup="territory__in_scope_of__code", expanded=True)

    territory_note = (
        "Territoire choisi : {names}. Les catalyseurs du territoire choisi viennent en premier, puis ceux"
        " de sa région et les réseaux nationaux, qui agissent aussi sur ce territoire."
    )

    class Meta:
        model = Catalyseur
        fields = []

    def static_order(self):
        return None if self.territories else ("nom", ["name", "pk"])

    def sort(self, queryset):
        """By name; the most local first when a territory is chosen (a département's, its région's,
        then national networks)."""
        if self.territories:
            return queryset.order_by(F("territory__level").desc(nulls_last=True), "name", "pk")
        return queryset.order_by("name", "pk")
