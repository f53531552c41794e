from django.apps import AppConfig


class ComprendreConfig(AppConfig):
    name = "comprendre"
    verbose_name = "Comprendre : des données"
