"""The « Éditeurs » group: curates the content, reads the official vocabularies."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Éditeurs"
EDITABLE = {"core": ["resource", "organisation", "rubrique", "metier"], "taggit": ["tag"]}
READ_ONLY = {"core": ["profile", "domain", "territory", "goal", "target", "kind"]}


def codenames(models, actions):
    return [f"{action}_{model}" for model in models for action in actions]


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    wanted = []
    for app_label, models in EDITABLE.items():
        wanted += [(app_label, c) for c in codenames(models, ["add", "change", "delete", "view"])]
    for app_label, models in READ_ONLY.items():
        wanted += [(app_label, c) for c in codenames(models, ["view"])]
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in wanted
    ]
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_group, delete_group)]
