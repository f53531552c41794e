from django.urls import path

from odd17.core.axis_urls import axis_urlpatterns
from odd17.core.models import Axis

from . import views

app_name = "agir"
urlpatterns = [
    path("exemples-inspirants/<slug:slug>/", views.story_detail, name="story"),
    *axis_urlpatterns(Axis.AGIR),
]
