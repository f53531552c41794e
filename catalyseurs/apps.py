from odd17.core import apps as core


class CatalyseursConfig(core.PortalAppConfig):
    name = "catalyseurs"
    verbose_name = "Catalyseurs territoriaux"

    def ready(self):
        super().ready()
        # The core loads fixtures (CONTENT_FILES names our models) and seeds demo volume; this app
        # says what the loader gives new catalyseurs, registers its demo generator and its search group.
        from odd17.core import content, demo, global_search

        from . import search
        from .demo import create_demo_catalyseurs
        from .models import Catalyseur

        content.CREATION_DEFAULTS[Catalyseur] = {"status": Catalyseur.Status.PUBLISHED}
        demo.register("catalyseurs", create_demo_catalyseurs, "Nombre de catalyseurs synthétiques à créer.")
        global_search.register_section(search.section)
