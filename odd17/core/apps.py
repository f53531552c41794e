from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "odd17.core"
    label = "core"
    verbose_name = "Contenus partagés"
