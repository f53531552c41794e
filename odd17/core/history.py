"""The history of every curated model (django-simple-history): who changed what, when, and revert.

A curated model declares `history = CuratedHistory()`. Each version is one row of its historical
table holding the model's own fields and, in `relations`, its many-to-many values: the ids of each
many-to-many field, the rows of a link model with fields of its own (a catalyseur's métiers with
what it does in each), the names of its tags. One version is written per object and transaction,
when the transaction commits, so that it holds what the admin saved last: the form, then its
many-to-many fields, then its inlines.

`revert(version, by=user)` puts back exactly that version's values, relations and tags included,
and is recorded as a new version. Historical tables are not public models (registry.py): writing
them retires no cached page and no facet data.
"""

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import formats, timezone
from django.utils.text import capfirst
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record
from simple_history.template_utils import HistoricalRecordContextHelper
from taggit.managers import TaggableManager


class Snapshot(models.Model):
    """The part of a historical row that simple-history does not keep: the many-to-many values."""

    relations = models.JSONField("relations", default=dict, blank=True)

    class Meta:
        abstract = True


def related_fields(model):
    """The many-to-many fields an editor sets (tags included; derived ones are left out), each as
    (field, the owner's field on its link model; None for tags)."""
    fields = []
    for field in model._meta.many_to_many:
        if isinstance(field, TaggableManager):
            fields.append((field, None))
        elif field.editable:
            fields.append((field, field.m2m_field_name()))
    return fields


def connect():
    """Connect the many-to-many signals of every tracked model (the core's ready() calls it)."""
    for model in apps.get_models():
        if hasattr(model, "curated_history"):
            model.curated_history.connect(model)


def _link_rows(field, owner, instance):
    """The rows of a link model with fields of its own, without their id and owner."""
    through = field.remote_field.through
    names = [f.attname for f in through._meta.concrete_fields if not f.primary_key and f.name != owner]
    return list(through.objects.filter(**{owner: instance}).order_by("pk").values(*names))


def relations(instance):
    """{field name: value} of `instance`'s many-to-many fields, as a version keeps them."""
    data = {}
    for field, owner in related_fields(type(instance)):
        if owner is None:
            data[field.name] = sorted(getattr(instance, field.name).names())
        elif field.remote_field.through._meta.auto_created:
            data[field.name] = sorted(getattr(instance, field.name).values_list("pk", flat=True))
        else:
            data[field.name] = _link_rows(field, owner, instance)
    return data


def restore_relations(instance, data):
    for field, owner in related_fields(type(instance)):
        if field.name not in data:
            continue
        value = data[field.name]
        if owner is None:
            getattr(instance, field.name).set(value)
        elif field.remote_field.through._meta.auto_created:
            # A value deleted since that version cannot come back: it is left out.
            getattr(instance, field.name).set(field.related_model._base_manager.filter(pk__in=value))
        else:
            through = field.remote_field.through
            through.objects.filter(**{owner: instance}).delete()
            through.objects.bulk_create(through(**row, **{owner: instance}) for row in value)


@transaction.atomic
def revert(version, by=None):
    """Put the object back as it was in `version` (a historical row); the revert is a new version."""
    instance = version.instance
    instance._history_user = by
    when = formats.date_format(timezone.localtime(version.history_date), "DATETIME_FORMAT")
    instance._change_reason = f"Retour à la version du {when}"
    instance.save()
    restore_relations(instance, version.relations)
    return instance


class CuratedHistory(HistoricalRecords):
    """HistoricalRecords that keep the many-to-many values and write one version per transaction."""

    def __init__(self, **kwargs):
        super().__init__(bases=[Snapshot], user_related_name="+", **kwargs)

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls or (self.inherit and issubclass(sender, self.cls)):
            sender.curated_history = self  # connect() finds the tracked models by it

    def connect(self, model):
        """Follow `model`'s many-to-many values (called once the models are loaded: links are then known)."""
        for field, owner in related_fields(model):
            through = field.remote_field.through
            if owner is None or through._meta.auto_created:
                m2m_changed.connect(self.relation_changed, sender=through, weak=False)
            else:  # edited by an inline: a save or delete of a link row is a change of its owner
                linked = self.link_changed(model, owner)
                post_save.connect(linked, sender=through, weak=False)
                post_delete.connect(linked, sender=through, weak=False)

    def post_save(self, instance, created, using=None, **kwargs):
        if not kwargs.get("raw") and not hasattr(instance, "skip_history_when_saving"):
            self.defer(instance, "+" if created else "~", using)

    def unchanged(self, instance, using):
        """Whether `instance` holds what its latest version holds (its `auto_now` dates aside)."""
        latest = instance.history.using(using).order_by("-history_date", "-history_id").first()
        if latest is None:
            return False
        fields = [
            f.attname for f in self.fields_included(type(instance)) if not getattr(f, "auto_now", False)
        ]
        return all(getattr(latest, name) == getattr(instance, name) for name in fields) and (
            latest.relations == relations(instance)
        )

    def relation_changed(self, instance, action, reverse, **kwargs):
        if not reverse and isinstance(instance, self.cls) and action.startswith("post_"):
            self.defer(instance, "~", kwargs.get("using"))

    def link_changed(self, model, owner):
        def changed(instance, raw=False, using=None, **kwargs):
            owner_id = getattr(instance, f"{owner}_id")
            if not raw and owner_id is not None:
                self.defer(model(pk=owner_id), "~", using)

        return changed

    def defer(self, instance, history_type, using):
        """Write the version when the transaction commits (at once outside one), once per object."""
        key = (instance._meta.label, instance.pk)
        for _, callback, _ in transaction.get_connection(using).run_on_commit:
            if getattr(callback, "history_key", None) == key and not callback.written:
                callback.history_type = "+" if "+" in (history_type, callback.history_type) else "~"
                callback.who = getattr(instance, "_history_user", callback.who)
                callback.why = getattr(instance, "_change_reason", callback.why)
                return

        def write():
            write.written = True
            current = type(instance)._base_manager.using(using).filter(pk=instance.pk).first()
            if current is None:
                return  # deleted in the same transaction: simple-history recorded the deletion
            if write.history_type == "~" and self.unchanged(current, using):
                return  # a save that changed nothing (a reload of the same content) is no version
            if write.who is not None:
                current._history_user = write.who
            current._change_reason = write.why
            self.create_historical_record(current, write.history_type, using=using)

        write.history_key, write.history_type, write.written = key, history_type, False
        write.who = getattr(instance, "_history_user", None)
        write.why = getattr(instance, "_change_reason", None)
        transaction.on_commit(write, using=using)


@receiver(pre_create_historical_record)
def keep_relations(sender, instance, history_instance, **kwargs):
    if isinstance(history_instance, Snapshot):
        history_instance.relations = relations(instance)


class ChangesDisplay(HistoricalRecordContextHelper):
    """The admin's « Changes » column, with one line per changed many-to-many field, by name."""

    def context_for_delta_changes(self, delta):
        lines = super().context_for_delta_changes(delta)
        return lines + self.relation_lines(delta.old_record.relations, delta.new_record.relations)

    def relation_lines(self, old, new):
        lines = []
        for field, _ in related_fields(self.model):
            before, after = old.get(field.name, []), new.get(field.name, [])
            if before != after:
                lines.append(
                    {
                        "field": capfirst(field.verbose_name),
                        "old": self.labels(field, before),
                        "new": self.labels(field, after),
                    }
                )
        return lines

    def labels(self, field, values):
        """The values by name: tags as they are, ids by their object's name, link rows by their fields."""
        if not values:
            return "—"
        if isinstance(field, TaggableManager):
            return ", ".join(values)
        if isinstance(values[0], dict):
            related = field.related_model
            key = f"{field.m2m_reverse_field_name()}_id"
            names = {
                obj.pk: str(obj) for obj in related._base_manager.filter(pk__in=[row[key] for row in values])
            }
            return " ; ".join(
                ": ".join(
                    [names.get(row[key], f"#{row[key]}"), *(str(v) for k, v in row.items() if k != key and v)]
                )
                for row in values
            )
        names = {obj.pk: str(obj) for obj in field.related_model._base_manager.filter(pk__in=values)}
        return ", ".join(names.get(pk, f"#{pk} (supprimé)") for pk in values)
