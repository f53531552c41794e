"""The « Éditeurs » group (core 0002) curates the catalyseurs and reads the communes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Éditeurs"
EDITABLE = ["catalyseur", "catalyseurmetier"]
READ_ONLY = ["commune"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("catalyseurs")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = [f"{action}_{model}" for model in EDITABLE for action in ("add", "change", "delete", "view")]
    codenames += [f"view_{model}" for model in READ_ONLY]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="catalyseurs", codename__in=codenames)
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="catalyseurs"))


class Migration(migrations.Migration):
    dependencies = [("catalyseurs", "0001_initial"), ("core", "0002_editors_group")]
    operations = [migrations.RunPython(grant, revoke)]
