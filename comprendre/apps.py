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
