"""The « Éditeurs » group (core 0002) curates the detail models of this axis."""

from django.db import migrations

from odd17.core.editors import grant_operation


class Migration(migrations.Migration):
    dependencies = [("perenniser", "0001_initial"), ("core", "0002_editors_group")]
    operations = [grant_operation("perenniser", editable=["training", "accompaniment", "researchwork"])]
