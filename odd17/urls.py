from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "L'ODD 17 en pratique — administration"
admin.site.site_title = "L'ODD 17 en pratique"
admin.site.index_title = "Curation des contenus"

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("comprendre/", include("comprendre.urls")),
    path("agir/", include("agir.urls")),
    path("perenniser/", include("perenniser.urls")),
    path("catalyseurs/", include("catalyseurs.urls")),
    path("", include("odd17.core.urls")),
]
