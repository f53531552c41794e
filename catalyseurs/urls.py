from django.urls import path

from . import views

app_name = "catalyseurs"
urlpatterns = [
    path("", views.directory, name="index"),
    path("metiers/", views.metiers, name="metiers"),
    path("carte/", views.map_page, name="map"),
    path("carte.geojson", views.geojson, name="geojson"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/solliciter/", views.solicit, name="solicit"),
    path("<slug:slug>/solliciter/merci/", views.sent, name="sent"),
]
