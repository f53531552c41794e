from odd17.core import registry


class AgirConfig(registry.PortalAppConfig):
    name = "agir"
    verbose_name = "Agir : des outils"
    public_models = ("Story", "KitVolet")
    content_files = (("stories.json", "Story"), ("kit.json", "KitVolet"))
