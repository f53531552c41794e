"""Load the vocabularies and the real content from fixtures/ (format: fixtures/README.md): the files
each app declares on its AppConfig (registry.py), in the order of INSTALLED_APPS.

Rows are upserted by natural key, so loading twice changes nothing; everything happens in one
transaction, so a file with an error saves nothing and the error says, in French, where it is.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.db import transaction

from . import registry

# Keys of a row that are not model fields.
EXTRA_KEYS = {"keywords"}


class ContentError(Exception):
    """A fixture row that cannot be loaded; the message is for the person who edits fixtures."""


@dataclass
class LoadReport:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)

    def count(self, model, created):
        bucket = self.created if created else self.updated
        name = model._meta.verbose_name_plural
        bucket[name] = bucket.get(name, 0) + 1


def _related(model, key, where):
    try:
        return model.objects.get_by_natural_key(key)
    except ObjectDoesNotExist:
        raise ContentError(f"{where} : {model._meta.verbose_name} « {key} » inconnu(e).") from None


def _split_row(model, row, where):
    """Split a fixture row into scalar values, foreign keys resolved, and many-to-many lists."""
    values, many = {}, {}
    extra_keys = EXTRA_KEYS | set(getattr(model, "fixture_extra_keys", ()))
    for key, value in row.items():
        if key in extra_keys:
            continue
        try:
            model_field = model._meta.get_field(key)
        except FieldDoesNotExist:
            raise ContentError(
                f"{where} : champ « {key} » inconnu pour {model._meta.verbose_name}."
            ) from None
        if model_field.many_to_many:
            many[key] = [_related(model_field.related_model, item, where) for item in value or []]
        elif model_field.many_to_one or model_field.one_to_one:
            values[key] = (
                _related(model_field.related_model, value, where) if value not in (None, "") else None
            )
        elif isinstance(value, list):  # lists of lines, such as a métier's activities
            values[key] = "\n".join(value)
        else:
            values[key] = "" if value is None and not model_field.null else value
    return values, many


def load_rows(model, rows, source, report):
    key_field = model.natural_key_field
    for index, row in enumerate(rows, start=1):
        where = f"{source}, élément {index}"
        if not isinstance(row, dict) or key_field not in row:
            raise ContentError(f"{where} : chaque élément doit être un objet avec la clé « {key_field} ».")
        where += f" ({row[key_field]})"
        values, many = _split_row(model, row, where)
        # The key is looked up resolved: a detail model's key is the object it details.
        key = values.get(key_field, row[key_field])
        # Values given to rows the loader creates (real content is published at once); on creation
        # only, so that a status an editor set in the admin survives a reload.
        instance = model.objects.filter(**{key_field: key}).first() or model(
            **getattr(model, "fixture_defaults", {})
        )
        created = instance.pk is None
        for name, value in values.items():
            setattr(instance, name, value)
        try:
            instance.full_clean(validate_unique=False)
        except ValidationError as error:
            details = "; ".join(
                f"{name} : {' '.join(messages)}" for name, messages in error.message_dict.items()
            )
            raise ContentError(f"{where} : {details}") from None
        instance._change_reason = f"Chargé depuis fixtures/{source}"  # what its version says
        instance.save()
        for name, related in many.items():
            getattr(instance, name).set(related)
        if "keywords" in row:
            instance.tags.set(row["keywords"], clear=True)
        # A model that takes `fixture_extra_keys` loads them itself (e.g. rows of a through model).
        if hasattr(instance, "load_fixture_extras"):
            try:
                instance.load_fixture_extras(row)
            except (ObjectDoesNotExist, ValidationError, ValueError, TypeError) as error:
                raise ContentError(f"{where} : {error}") from None
        report.count(model, created)


def read_file(path):
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ContentError(
            f"{path.name} : JSON invalide ligne {error.lineno}, colonne {error.colno}."
        ) from None
    if not isinstance(rows, list):
        raise ContentError(f"{path.name} : le fichier doit contenir une liste d'éléments.")
    return rows


def load_content(directory: Path) -> LoadReport:
    """Upsert every fixture file of `directory`, all or nothing."""
    report = LoadReport()
    with transaction.atomic():
        for pattern, model in registry.content_files():
            for path in sorted(directory.glob(pattern)):
                load_rows(model, read_file(path), path.name, report)
            if hasattr(model.objects, "rebuild_scopes"):
                model.objects.rebuild_scopes()
    return report
