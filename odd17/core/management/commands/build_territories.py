"""Write fixtures/territories.json from the official French administrative divisions.

The source is the npm package @etalab/decoupage-administratif (INSEE's Code officiel
géographique); `make fixtures` installs it with npm and runs this command. The fixture is
committed, so running the portal does not need npm.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DEFAULT_SOURCE = settings.BASE_DIR / "node_modules" / "@etalab" / "decoupage-administratif" / "data"
KEPT_ZONES = {"metro", "drom"}  # the 18 régions and 101 départements; not the other overseas collectivities


def build_territories(regions, departements):
    """The fixture rows: France, then its régions, then its départements (each with its parent code)."""
    regions = sorted((r for r in regions if r["zone"] in KEPT_ZONES), key=lambda r: r["code"])
    departements = sorted((d for d in departements if d["zone"] in KEPT_ZONES), key=lambda d: d["code"])
    rows = [{"code": "FR", "insee_code": "", "name": "France entière", "level": 0, "parent": None}]
    rows += [
        {"code": f"R{r['code']}", "insee_code": r["code"], "name": r["nom"], "level": 1, "parent": "FR"}
        for r in regions
    ]
    rows += [
        {
            "code": d["code"],
            "insee_code": d["code"],
            "name": d["nom"],
            "level": 2,
            "parent": f"R{d['region']}",
        }
        for d in departements
    ]
    return rows


class Command(BaseCommand):
    help = "Écrit fixtures/territories.json à partir du découpage administratif officiel (paquet npm)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", type=Path, default=DEFAULT_SOURCE, help="Dossier data/ du paquet npm."
        )
        parser.add_argument(
            "--output", type=Path, default=settings.BASE_DIR / "fixtures" / "territories.json"
        )

    def handle(self, source, output, **options):
        try:
            regions = json.loads((source / "regions.json").read_text(encoding="utf-8"))
            departements = json.loads((source / "departements.json").read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise CommandError(
                f"Fichier introuvable : {error.filename}. "
                "Installez le paquet avec « npm ci » (ou « make fixtures »)."
            ) from error
        rows = build_territories(regions, departements)
        output.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        counts = {level: sum(1 for row in rows if row["level"] == level) for level in (0, 1, 2)}
        self.stdout.write(
            f"{output.name} : {counts[1]} régions et {counts[2]} départements (plus la France entière)."
        )
