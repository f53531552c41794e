"""One publishing workflow for everything an editor puts before the public.

A model that subclasses `Publishable` has one status (brouillon → proposé → en relecture → publié
→ archivé), an optional publication date, and a record of who last moved it and when. Public pages
read it only through `published()`; editors move it only through the named actions below (the
admin's bulk actions call them one object at a time, so each move is saved, recorded in the history
and seen by the caches like any other save).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "brouillon", "Brouillon"
    PROPOSED = "propose", "Proposé"
    REVIEW = "relecture", "En relecture"
    PUBLISHED = "publie", "Publié"
    ARCHIVED = "archive", "Archivé"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Visible to the public: published, and its publication date (if any) has come."""
        return self.filter(
            Q(published_on__isnull=True) | Q(published_on__lte=timezone.localdate()),
            status=Status.PUBLISHED,
        )


class Publishable(models.Model):
    Status = Status

    status = models.CharField("statut", max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_on = models.DateField(
        "date de publication",
        null=True,
        blank=True,
        help_text="Vide : visible dès la publication ; une date future la tient cachée jusque-là.",
    )
    status_changed_at = models.DateTimeField("statut changé le", null=True, blank=True, editable=False)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="statut changé par",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    fixture_defaults = {"status": Status.PUBLISHED}  # the seeds' real content is published at once

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.status == Status.PUBLISHED and (
            self.published_on is None or self.published_on <= timezone.localdate()
        )

    def record_status(self, by=None):
        """Note who set the current status, and when (the admin's form calls it when the status changes)."""
        self.status_changed_at = timezone.now()
        self.status_changed_by = by if by is not None and by.is_authenticated else None
        self._history_user = self.status_changed_by  # the version this save writes (core/history.py)

    def move_to(self, status, by=None):
        self.status = status
        self.record_status(by)
        self.save(update_fields=["status", "status_changed_at", "status_changed_by", "updated_at"])

    def submit_for_review(self, by=None):
        self.move_to(Status.REVIEW, by)

    def publish(self, by=None):
        self.move_to(Status.PUBLISHED, by)

    def unpublish(self, by=None):
        """Back to draft: hidden from the public, kept for editing."""
        self.move_to(Status.DRAFT, by)

    def archive(self, by=None):
        self.move_to(Status.ARCHIVED, by)
