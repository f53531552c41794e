"""Curation of every shared model in the Django admin."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from . import history
from .models import Domain, Goal, Kind, Metier, Organisation, Profile, Resource, Rubrique, Target, Territory


class PortalAdmin(SimpleHistoryAdmin):
    """Base of every admin of the portal: its « Historique » lists each version with what changed, and
    offers to go back to one (history.revert: many-to-many values and tags included)."""

    # Editors paste links without a scheme: assume https (Django 6's default) rather than http.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    # Who made a version: set here rather than by simple-history's middleware, which every public
    # request would run through for the admin's sake (bench/RESULTS.md, 2026-12-04).
    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        obj._history_user = request.user
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:  # one by one: each deletion's version says who deleted it
                obj._history_user = request.user
                obj.delete()

    def get_historical_record_context_helper(self, request, historical_record):
        return history.ChangesDisplay(self.model, historical_record)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A version's page: what going back to it changes, and the button that does it."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("Cet objet n'existe plus.")
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(obj.history, history_id=unquote(version_id))
        when = f"{timezone.localtime(version.history_date):%d/%m/%Y %H:%M}"
        if request.method == "POST":
            history.revert(version, by=request.user)
            self.message_user(request, f"« {obj} » a retrouvé la version du {when}.")
            return redirect(
                reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
            )
        latest = obj.history.latest()
        delta = version.diff_against(latest)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "version": version,
            "title": f"Revenir à la version du {when}",
            "changes": self.get_historical_record_context_helper(request, version).context_for_delta_changes(
                delta
            ),
        }
        return TemplateResponse(request, "admin/history_revert.html", context)


def publishing_action(method, label):
    """A bulk action calling `Publishable.<method>(by=editor)` on each selected object."""

    @admin.action(description=label, permissions=["change"])
    def action(modeladmin, request, queryset):
        with transaction.atomic():
            objects = list(queryset)
            for obj in objects:
                getattr(obj, method)(by=request.user)
        opts = modeladmin.model._meta
        name = opts.verbose_name if len(objects) < 2 else opts.verbose_name_plural
        modeladmin.message_user(request, f"{len(objects)} {name} : {label.lower()}.", messages.SUCCESS)

    action.__name__ = method
    return action


class PublishableAdmin(PortalAdmin):
    """Admin of a Publishable: the workflow's actions, and who moved it last."""

    actions = [
        publishing_action("submit_for_review", "Passer en relecture"),
        publishing_action("publish", "Publier"),
        publishing_action("unpublish", "Dépublier (repasser en brouillon)"),
        publishing_action("archive", "Archiver"),
    ]
    readonly_fields = ["status_changed_at", "status_changed_by", "created_at", "updated_at"]
    record_fieldset = ("Historique", {"fields": readonly_fields, "classes": ["collapse"]})

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.record_status(request.user)
        super().save_model(request, obj, form, change)


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


@admin.register(Resource)
class ResourceAdmin(PublishableAdmin):
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
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "format", "summary", "body", "url"]}),
        ("Publication", {"fields": ["status", "featured", "published_on", "producers", "source"]}),
        (
            "Classement",
            {"fields": ["rubriques", "profiles", "domains", "territories", "goals", "targets", "tags"]},
        ),
        PublishableAdmin.record_fieldset,
    ]
