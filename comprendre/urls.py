from django.urls import path, re_path

from odd17.core.axis_urls import axis_urlpatterns
from odd17.core.models import Axis

from . import views
from .fiches import FACETS

app_name = "comprendre"
urlpatterns = [
    path("comprendre-les-odd/odd-<int:number>/", views.goal_detail, name="goal"),
    path("comprendre-les-odd/cible-<str:code>/", views.target_detail, name="target"),
    re_path(rf"^fiches-reperes-(?P<facet>{'|'.join(FACETS)})/(?P<key>[^/]+)/$", views.fiche, name="fiche"),
    *axis_urlpatterns(Axis.COMPRENDRE),
]
