from odd17.core.axis_urls import axis_urlpatterns
from odd17.core.models import Axis

app_name = "perenniser"
urlpatterns = axis_urlpatterns(Axis.PERENNISER)
