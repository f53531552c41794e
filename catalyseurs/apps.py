from django.apps import AppConfig


class CatalyseursConfig(AppConfig):
    name = "catalyseurs"
    verbose_name = "Catalyseurs territoriaux"

    def ready(self):
        # The core loads fixtures and seeds demo volume; this app tells it about its own models.
        from odd17.core import content, demo

        from .demo import create_demo_catalyseurs
        from .models import Catalyseur, Commune

        for entry in (("communes.json", Commune), ("catalyseurs*.json", Catalyseur)):
            if entry not in content.CONTENT_FILES:
                content.CONTENT_FILES.append(entry)
        content.CREATION_DEFAULTS[Catalyseur] = {"status": Catalyseur.Status.PUBLISHED}
        demo.register("catalyseurs", create_demo_catalyseurs, "Nombre de catalyseurs synthétiques à créer.")
