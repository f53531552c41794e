from django.contrib import admin

from odd17.core.admin import PortalAdmin

from .models import KitVolet, Story


@admin.register(Story)
class StoryAdmin(PortalAdmin):
    list_display = ["resource", "period"]
    search_fields = ["resource__title", "resource__body", "period"]
    autocomplete_fields = ["resource", "related"]


@admin.register(KitVolet)
class KitVoletAdmin(PortalAdmin):
    list_display = ["resource", "step", "question"]
    list_editable = ["step"]
    autocomplete_fields = ["resource", "axis_rubrique"]
