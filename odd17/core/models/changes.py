"""The record of change of public content (see odd17/core/changes.py, which its triggers keep)."""

from django.db import models


class ContentVersion(models.Model):
    """One row whose `version` the database's triggers replace at every write to public content."""

    version = models.CharField("version", max_length=32)

    class Meta:
        verbose_name = "version du contenu"
        verbose_name_plural = "versions du contenu"

    def __str__(self):
        return self.version
