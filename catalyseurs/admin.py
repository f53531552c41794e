"""Curation of the catalyseurs, the métiers they practise and the communes the map places them on."""

from django.contrib import admin, messages
from django.utils import timezone

from odd17.core import freshness
from odd17.core.admin import PortalAdmin

from .models import Catalyseur, CatalyseurMetier, Commune


class CatalyseurMetierInline(admin.TabularInline):
    model = CatalyseurMetier
    extra = 1
    fields = ["metier", "description", "order"]


def status_action(status, label):
    @admin.action(description=label, permissions=["change"])
    def action(modeladmin, request, queryset):
        # One UPDATE for the whole selection; it sends no signal, so retire the cached pages here.
        count = queryset.update(status=status, updated_at=timezone.now())
        freshness.bump()
        modeladmin.message_user(request, f"{count} catalyseur(s) : {label.lower()}.", messages.SUCCESS)

    action.__name__ = f"set_{status}"
    return action


@admin.register(Catalyseur)
class CatalyseurAdmin(PortalAdmin):
    list_display = ["name", "profile", "territory", "commune", "position_basis", "status", "has_contact"]
    list_filter = ["status", "metiers", "profile", "territory__level", "territory", "position_basis"]
    list_select_related = ["profile", "territory", "commune"]
    search_fields = ["name", "summary", "presentation", "commune__name", "territory__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation", "territory", "commune", "resources"]
    inlines = [CatalyseurMetierInline]
    readonly_fields = ["created_at", "updated_at"]
    actions = [
        status_action(Catalyseur.Status.PUBLISHED, "Publier"),
        status_action(Catalyseur.Status.DRAFT, "Dépublier (repasser en brouillon)"),
        status_action(Catalyseur.Status.ARCHIVED, "Archiver"),
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "profile", "organisation", "summary", "presentation"]}),
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
        ("Historique", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
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
