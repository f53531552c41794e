from odd17.core import apps as core


class ComprendreConfig(core.PortalAppConfig):
    name = "comprendre"
    verbose_name = "Comprendre : des données"
