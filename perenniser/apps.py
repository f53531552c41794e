from odd17.core import apps as core


class PerenniserConfig(core.PortalAppConfig):
    name = "perenniser"
    verbose_name = "Pérenniser : des compétences"
