from django.apps import AppConfig


class PerenniserConfig(AppConfig):
    name = "perenniser"
    verbose_name = "Pérenniser : des compétences"
