"""Backups: a dumpdata → flush → loaddata round trip loses nothing, and search still works after it.

The command is the one the README documents for a portable backup (natural keys for references;
content types and permissions are rebuilt by migrate, so they are left out of the dump). It writes
XML: the JSON encoder cuts timestamps to the millisecond, which this test sees as a loss.
Every model is compared, with a count and a hash of every row: the values of its concrete fields
and of its many-to-many relations, references being compared by natural key where the target
has one (content types and permissions get new ids when rebuilt).
"""

import hashlib
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import ForeignKey

from odd17 import search
from odd17.core.models import ContentVersion, Resource

pytestmark = pytest.mark.django_db
DUMP_EXCLUDES = ["contenttypes", "auth.permission"]
QUERIES = ["coopération décentralisée", "partenariats territoire", '"jouer collectif"']


def identity(model, pk, names):
    """How a row is named in a comparison: its natural key when it has one, else its id
    (`names` keeps the natural keys already read, for one fingerprint)."""
    if pk is None or not hasattr(model, "natural_key"):
        return pk
    key = (model, pk)
    if key not in names:
        names[key] = list(model._default_manager.get(pk=pk).natural_key())
    return names[key]


def fingerprint():
    """{model label: (row count, hash of every row)} for every model of the project."""
    result, names = {}, {}
    for model in apps.get_models(include_auto_created=False):
        opts = model._meta
        if opts.proxy or not opts.managed or model is ContentVersion:
            continue  # the record of change is rewritten by any write, a restore included
        fields = opts.concrete_fields
        rows = {}
        for values in model._default_manager.order_by().values_list(*[f.attname for f in fields]):
            row = {}
            for field, value in zip(fields, values, strict=True):
                target = model if field.primary_key else None  # rebuilt rows get new ids
                target = field.related_model if isinstance(field, ForeignKey) else target
                row[field.name] = identity(target, value, names) if target else value
            rows[values[0]] = row
        for field in opts.many_to_many:
            through = field.remote_field.through
            if not through._meta.auto_created:
                continue  # an explicit through model is compared as a model of its own
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            for pk, other in through.objects.values_list(f"{source}_id", f"{target}_id"):
                rows[pk].setdefault(field.name, []).append(identity(field.related_model, other, names))
        for row in rows.values():
            for field in opts.many_to_many:
                row.get(field.name, []).sort(key=json.dumps)
        digest = hashlib.sha256()
        for line in sorted(json.dumps(row, sort_keys=True, default=str) for row in rows.values()):
            digest.update(line.encode())
        result[opts.label] = (len(rows), digest.hexdigest())
    return result


def found(text):
    return set(search.matching(Resource.objects.published(), text).values_list("slug", flat=True))


def test_dumpdata_flush_loaddata_round_trip_loses_nothing(tmp_path, django_user_model):
    django_user_model.objects.create_superuser("admin@example.org", "admin@example.org", "x-Long-pass-42")
    before = fingerprint()
    results = {text: found(text) for text in QUERIES}
    assert before["core.Resource"][0] > 100 and all(results.values()), "the real content is loaded"

    backup = tmp_path / "sauvegarde.xml"
    exclude = [arg for model in DUMP_EXCLUDES for arg in ("--exclude", model)]
    command = ["dumpdata", "--format", "xml", "--natural-foreign", *exclude, "--output", str(backup)]
    call_command(*command, verbosity=0)
    call_command("flush", "--noinput", verbosity=0)
    assert not Resource.objects.exists() and not found(QUERIES[0])
    call_command("loaddata", str(backup), verbosity=0)

    after = fingerprint()
    assert after.keys() == before.keys()
    lost = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
    assert not lost, f"modèles différents après restauration : {lost}"
    # The search index is kept by database triggers: it answers as before.
    assert {text: found(text) for text in QUERIES} == results


def test_the_fingerprint_sees_a_changed_row_and_a_changed_relation():
    before = fingerprint()
    resource = Resource.objects.published().first()
    resource.summary += " (modifié)"
    resource.save()
    changed = fingerprint()
    assert changed["core.Resource"] != before["core.Resource"]
    resource.profiles.clear()
    assert fingerprint()["core.Resource"] != changed["core.Resource"]
