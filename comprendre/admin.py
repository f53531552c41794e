from django.contrib import admin

from odd17.core.admin import PortalAdmin

from .models import GoalGuide, KeyFigure, KnowledgeBase, TargetGuide


@admin.register(GoalGuide)
class GoalGuideAdmin(PortalAdmin):
    list_display = ["goal"]
    autocomplete_fields = ["goal"]


@admin.register(TargetGuide)
class TargetGuideAdmin(PortalAdmin):
    list_display = ["target", "heading"]
    search_fields = ["target__code", "heading", "meaning"]
    autocomplete_fields = ["target"]


@admin.register(KnowledgeBase)
class KnowledgeBaseAdmin(PortalAdmin):
    list_display = ["resource", "question"]
    search_fields = ["resource__title", "question"]
    autocomplete_fields = ["resource"]


@admin.register(KeyFigure)
class KeyFigureAdmin(PortalAdmin):
    list_display = ["value", "label", "source", "profile"]
    list_filter = ["profile"]
    search_fields = ["value", "label", "source__title"]
    autocomplete_fields = ["source"]
