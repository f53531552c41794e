"""Curation of the catalyseurs, the métiers they practise and the communes the map places them on."""

from django.contrib import admin

from odd17.core.admin import PortalAdmin, PublishableAdmin

from .models import Catalyseur, CatalyseurMetier, Commune


class CatalyseurMetierInline(admin.TabularInline):
    model = CatalyseurMetier
    extra = 1
    fields = ["metier", "description", "order"]


@admin.register(Catalyseur)
class CatalyseurAdmin(PublishableAdmin):
    list_display = ["name", "profile", "territory", "commune", "position_basis", "status", "has_contact"]
    list_filter = ["status", "metiers", "profile", "territory__level", "territory", "position_basis"]
    list_select_related = ["profile", "territory", "commune"]
    search_fields = ["name", "summary", "presentation", "commune__name", "territory__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation", "territory", "commune", "resources"]
    inlines = [CatalyseurMetierInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "published_on", "profile", "organisation", "summary"]}),
        ("Présentation", {"fields": ["presentation"]}),
        ("Témoignage", {"fields": ["testimony", "testimony_author"]}),
        (
            "Territoire et carte",
            {
                "fields": ["territory", "commune", "position_basis", "latitude", "longitude"],
                "description": "Latitude et longitude en degrés décimaux (ex. 47.90248 et 1.90407), "
                "en France métropolitaine ou d'outre-mer.",
            },
        ),
        ("Contact et liens", {"fields": ["website", "contact_email", "resources", "source"]}),
        PublishableAdmin.record_fieldset,
    ]

    @admin.display(description="contact", boolean=True)
    def has_contact(self, catalyseur):
        return bool(catalyseur.contact_email)


@admin.register(Commune)
class CommuneAdmin(PortalAdmin):
    list_display = ["name", "code", "departement", "latitude", "longitude"]
    list_select_related = ["departement"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["departement", "seat_of"]
