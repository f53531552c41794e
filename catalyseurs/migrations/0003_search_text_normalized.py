"""The catalyseurs' search text through the portal's one normaliser (odd17.search.normalize:
punctuation becomes spaces, as in the words a query is split into)."""

import re
import unicodedata

from django.db import migrations


def normalize(*texts):
    """odd17.search.normalize as it was written for this migration (copied: migrations stay fixed)."""
    text = unicodedata.normalize("NFKD", " ".join(t for t in texts if t).lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def renormalize(apps, schema_editor):
    Catalyseur = apps.get_model("catalyseurs", "Catalyseur")
    rows = Catalyseur.objects.select_related("commune", "territory", "organisation")
    for row in rows:
        row.search_text = normalize(
            row.name,
            row.summary,
            row.presentation,
            row.commune.name if row.commune_id else "",
            row.territory.name if row.territory_id else "",
            row.organisation.name if row.organisation_id else "",
        )
        row.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalyseurs", "0002_editors_curate_catalyseurs"),
    ]

    operations = [migrations.RunPython(renormalize, migrations.RunPython.noop)]
