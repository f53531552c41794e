from django.apps import AppConfig


class CatalyseursConfig(AppConfig):
    name = "catalyseurs"
    verbose_name = "Catalyseurs territoriaux"
