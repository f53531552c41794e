from odd17.core import registry


class CatalyseursConfig(registry.PortalAppConfig):
    name = "catalyseurs"
    verbose_name = "Catalyseurs territoriaux"
    public_models = ("Commune", "Catalyseur", "CatalyseurMetier")
    content_files = (("communes.json", "Commune"), ("catalyseurs*.json", "Catalyseur"))
    search_section = "catalyseurs.search.section"
    demo_generators = {
        "catalyseurs": (
            "catalyseurs.demo.create_demo_catalyseurs",
            "Nombre de catalyseurs synthétiques à créer.",
        )
    }
    axis_includes = {"perenniser": "catalyseurs/includes/promo.html"}
