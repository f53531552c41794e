from django.apps import AppConfig


class AgirConfig(AppConfig):
    name = "agir"
    verbose_name = "Agir : des outils"
