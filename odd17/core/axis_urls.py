"""The URL patterns every axis app mounts with its own axis: the shared views, never a copy."""

from django.urls import path

from . import views


def axis_urlpatterns(axis, pages=None):
    """The axis page and its rubriques; `pages` gives some rubriques their own view (see rubrique_detail)."""
    return [
        path("", views.axis_index, {"axis": axis}, name="index"),
        path("<slug:slug>/", views.rubrique_detail, {"axis": axis, "pages": pages}, name="rubrique"),
    ]
