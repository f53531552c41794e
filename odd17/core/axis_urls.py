"""The URL patterns every axis app mounts with its own axis: the shared views, never a copy."""

from django.urls import path

from . import views


def axis_urlpatterns(axis):
    """The axis page and its rubriques (a rubrique's `page` may choose a view of its own)."""
    return [
        path("", views.axis_index, {"axis": axis}, name="index"),
        path("<slug:slug>/", views.rubrique_detail, {"axis": axis}, name="rubrique"),
    ]
