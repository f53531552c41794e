from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("vue-d-ensemble/", views.overview, name="overview"),
    path("ressources/", views.resource_list, name="resource_list"),
    path("recherche/", views.search_page, name="search"),
    path("trouver/", views.doors, name="doors"),
    path("ressources/<slug:slug>/", views.resource_detail, name="resource_detail"),
    path("accessibilite/", views.accessibility, name="accessibility"),
]
