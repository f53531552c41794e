from django.urls import path

from . import views

app_name = "catalyseurs"
urlpatterns = [path("", views.metiers, name="index")]
