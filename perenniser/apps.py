from odd17.core import registry


class PerenniserConfig(registry.PortalAppConfig):
    name = "perenniser"
    verbose_name = "Pérenniser : des compétences"
    public_models = ("Training", "Accompaniment", "ResearchWork")
    content_files = (
        ("trainings.json", "Training"),
        ("accompaniments.json", "Accompaniment"),
        ("research.json", "ResearchWork"),
    )
    rubrique_pages = {
        "formations": ("Se former : les formations", "perenniser.views.trainings"),
        "accompagnement": (
            "Se faire accompagner : les offres d'accompagnement",
            "perenniser.views.accompaniments",
        ),
        "recherche": ("Capitaliser avec la recherche : les travaux", "perenniser.views.research"),
    }
