from odd17.core.axis_urls import axis_urlpatterns
from odd17.core.models import Axis

from . import views

app_name = "perenniser"
urlpatterns = axis_urlpatterns(
    Axis.PERENNISER,
    pages={
        "se-former": views.trainings,
        "se-faire-accompagner": views.accompaniments,
        "capitaliser-avec-la-recherche": views.research,
    },
)
