"""Curation of every shared model in the Django admin."""

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count

from .models import Domain, Goal, Kind, Metier, Organisation, Profile, Resource, Rubrique, Target, Territory


class PortalAdmin(admin.ModelAdmin):
    """Base of every admin of the portal."""

    # Editors paste links without a scheme: assume https (Django 6's default) rather than http.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class HierarchyAdmin(PortalAdmin):
    """Admin of a vocabulary with parents: its derived scopes follow every change."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.model.objects.rebuild_scopes()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self.model.objects.rebuild_scopes()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        self.model.objects.rebuild_scopes()


@admin.register(Profile)
class ProfileAdmin(PortalAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Domain)
class DomainAdmin(PortalAdmin):
    list_display = ["name", "criterion", "order"]
    list_filter = ["criterion"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Territory)
class TerritoryAdmin(HierarchyAdmin):
    list_display = ["name", "code", "insee_code", "level", "parent"]
    list_filter = ["level"]
    list_select_related = ["parent"]
    search_fields = ["name", "code", "insee_code"]
    autocomplete_fields = ["parent"]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ["code", "title", "theme", "order"]


@admin.register(Goal)
class GoalAdmin(PortalAdmin):
    list_display = ["number", "short_title", "title"]
    search_fields = ["title", "short_title"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(PortalAdmin):
    list_display = ["code", "title", "theme"]
    list_filter = ["goal", "theme"]
    list_select_related = ["goal"]
    search_fields = ["code", "title"]


@admin.register(Kind)
class KindAdmin(PortalAdmin):
    list_display = ["name", "plural", "door", "order"]
    list_filter = ["door"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Rubrique)
class RubriqueAdmin(HierarchyAdmin):
    list_display = ["title", "axis", "parent", "order"]
    list_filter = ["axis"]
    list_editable = ["order"]
    list_select_related = ["parent"]
    search_fields = ["title", "slug", "intro"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent"]


@admin.register(Organisation)
class OrganisationAdmin(PortalAdmin):
    list_display = ["name", "acronym", "profile", "resource_count"]
    list_filter = ["profile"]
    list_select_related = ["profile"]
    search_fields = ["name", "acronym", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(resource_count=Count("resources"))

    @admin.display(description="ressources", ordering="resource_count")
    def resource_count(self, organisation):
        return organisation.resource_count


@admin.register(Metier)
class MetierAdmin(PortalAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name", "description", "activities"]
    prepopulated_fields = {"slug": ["name"]}


def status_action(method, label):
    """A bulk action calling `Resource.<method>()` on each selected resource."""

    @admin.action(description=label, permissions=["change"])
    def action(modeladmin, request, queryset):
        for resource in queryset:
            getattr(resource, method)()
        modeladmin.message_user(
            request, f"{queryset.count()} ressource(s) : {label.lower()}.", messages.SUCCESS
        )

    action.__name__ = method
    return action


@admin.register(Resource)
class ResourceAdmin(PortalAdmin):
    list_display = ["title", "kind", "status", "featured", "published_on", "updated_at"]
    list_filter = [
        "status",
        "featured",
        "kind",
        "rubriques__axis",
        "rubriques",
        "profiles",
        "domains",
        "format",
    ]
    list_select_related = ["kind"]
    search_fields = ["title", "summary", "body", "url", "producers__name"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "producers",
        "profiles",
        "domains",
        "territories",
        "goals",
        "targets",
        "rubriques",
        "kind",
    ]
    readonly_fields = ["created_at", "updated_at"]
    actions = [
        status_action("publish", "Publier"),
        status_action("unpublish", "Dépublier (repasser en brouillon)"),
        status_action("archive", "Archiver"),
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "format", "summary", "body", "url"]}),
        ("Publication", {"fields": ["status", "featured", "published_on", "producers", "source"]}),
        (
            "Classement",
            {"fields": ["rubriques", "profiles", "domains", "territories", "goals", "targets", "tags"]},
        ),
        ("Historique", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
