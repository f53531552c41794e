"""The « Éditeurs » group (core 0002) curates the catalyseurs and reads the communes."""

from django.db import migrations

from odd17.core.editors import grant_operation


class Migration(migrations.Migration):
    dependencies = [("catalyseurs", "0001_initial"), ("core", "0002_editors_group")]
    operations = [grant_operation("catalyseurs", editable=["catalyseur", "catalyseurmetier"], read_only=["commune"])]
