from odd17.core import apps as core


class AgirConfig(core.PortalAppConfig):
    name = "agir"
    verbose_name = "Agir : des outils"
