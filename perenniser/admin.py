from django.contrib import admin

from odd17.core.admin import PortalAdmin

from .models import Accompaniment, ResearchWork, Training


@admin.register(Training)
class TrainingAdmin(PortalAdmin):
    list_display = ["resource", "mode", "duration", "cost", "next_session"]
    list_filter = ["mode"]
    search_fields = ["resource__title", "platform"]
    autocomplete_fields = ["resource"]


@admin.register(Accompaniment)
class AccompanimentAdmin(PortalAdmin):
    list_display = ["resource", "need", "audience"]
    list_filter = ["need"]
    search_fields = ["resource__title", "audience"]
    autocomplete_fields = ["resource"]


@admin.register(ResearchWork)
class ResearchWorkAdmin(PortalAdmin):
    list_display = ["resource", "authors", "institution", "year"]
    search_fields = ["resource__title", "authors", "institution"]
    autocomplete_fields = ["resource"]
