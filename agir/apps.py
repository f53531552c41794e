from odd17.core import registry


class AgirConfig(registry.PortalAppConfig):
    name = "agir"
    verbose_name = "Agir : des outils"
    public_models = ("Story", "KitVolet")
    content_files = (("stories.json", "Story"), ("kit.json", "KitVolet"))
    rubrique_pages = {
        "outillage": ("Un axe d'outillage : récit, boîte à outils, exemples", "agir.views.toolbox"),
        "exemples": ("Les exemples inspirants, racontés", "agir.views.examples"),
        "kit": ("Le kit « L'ODD 17 en pratique »", "agir.views.kit"),
    }
    story_url_name = "agir:story"
