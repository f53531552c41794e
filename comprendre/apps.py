from odd17.core import registry


class ComprendreConfig(registry.PortalAppConfig):
    name = "comprendre"
    verbose_name = "Comprendre : des données"
    public_models = ("GoalGuide", "TargetGuide", "KnowledgeBase", "KeyFigure")
    content_files = (
        ("goal-guides.json", "GoalGuide"),
        ("target-guides.json", "TargetGuide"),
        ("knowledge-bases.json", "KnowledgeBase"),
        ("figures.json", "KeyFigure"),
    )
    rubrique_pages = {
        "odd": ("Les 17 ODD et les cibles de l'ODD 17", "comprendre.views.goals"),
        "fiches": ("Les fiches repères", "comprendre.views.fiches_index"),
        "bases": ("Les bases de connaissance", "comprendre.views.knowledge_bases"),
    }
