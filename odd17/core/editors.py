"""The « Éditeurs » group: each app's data migration grants it the permissions on its models."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Éditeurs"
ACTIONS = ("add", "change", "delete", "view")


def grant_operation(app_label, editable=(), read_only=()):
    """A migration operation: editors curate `editable` models and read `read_only` ones."""
    codenames = [f"{action}_{model}" for model in editable for action in ACTIONS]
    codenames += [f"view_{model}" for model in read_only]

    def grant(apps, schema_editor):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
        Permission = apps.get_model("auth", "Permission")
        group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP_NAME)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )

    def revoke(apps, schema_editor):
        Permission = apps.get_model("auth", "Permission")
        group = apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).first()
        if group:
            group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label))

    return migrations.RunPython(grant, revoke)
