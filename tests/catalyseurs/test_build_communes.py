"""build_communes: positions come from the registry packages, matched by name within the département."""

import json

import pytest
from django.core.management import CommandError, call_command

from catalyseurs.management.commands.build_communes import build_communes

COMMUNES = [
    {"code": "45234", "nom": "Orléans", "departement": "45", "type": "commune-actuelle"},
    {"code": "91228", "nom": "Évry-Courcouronnes", "departement": "91", "type": "commune-actuelle"},
    {"code": "97611", "nom": "Mamoudzou", "departement": "976", "type": "commune-actuelle"},
    {"code": "94018", "nom": "Charenton-le-Pont", "departement": "94", "type": "commune-actuelle"},
]
DEPARTEMENTS = [
    {"code": "45", "chefLieu": "45234", "zone": "metro"},
    {"code": "91", "chefLieu": "91228", "zone": "metro"},
    {"code": "976", "chefLieu": "97611", "zone": "drom"},
]
REGIONS = [{"code": "24", "chefLieu": "45234", "zone": "metro"}]
PLACES = [
    {"name": "Orléans", "lat": "47.90248", "lng": "1.90407", "admin2": "45"},
    {"name": "Orléans", "lat": "0", "lng": "0", "admin2": "99"},  # a homonym elsewhere
    {"name": "Évry", "lat": "48.6328", "lng": "2.44049", "admin2": "91"},
    {"name": "Mamoudzou", "lat": "-12.78234", "lng": "45.22878", "admin1": "97611", "admin2": ""},
    {"name": "Charenton-le-Pont", "lat": "48.82209", "lng": "2.41217", "admin2": "94"},
]


def test_chefs_lieux_and_wanted_communes_are_placed():
    rows, missing, approximate = build_communes(COMMUNES, DEPARTEMENTS, REGIONS, PLACES, {"94018"})
    by_code = {row["code"]: row for row in rows}
    assert missing == []
    assert by_code["45234"] == {
        "code": "45234",
        "name": "Orléans",
        "departement": "45",
        "latitude": "47.90248",
        "longitude": "1.90407",
        "seat_of": ["45", "R24"],
    }
    assert by_code["97611"]["latitude"] == "-12.78234"
    assert by_code["94018"]["seat_of"] == []
    assert approximate == ["Évry-Courcouronnes (91228)"]


def test_a_commune_without_position_is_reported(tmp_path):
    rows, missing, _ = build_communes(COMMUNES, DEPARTEMENTS, REGIONS, PLACES[:1], set())
    assert missing == ["91228", "97611"]


def test_the_command_refuses_to_write_an_incomplete_fixture(tmp_path):
    decoupage = tmp_path / "data"
    decoupage.mkdir()
    for name, rows in [("communes", COMMUNES), ("departements", DEPARTEMENTS), ("regions", REGIONS)]:
        (decoupage / f"{name}.json").write_text(json.dumps(rows))
    geonames = tmp_path / "cities.json"
    geonames.write_text(json.dumps(PLACES[:1]))
    fixtures = tmp_path / "fixtures"
    fixtures.mkdir()
    with pytest.raises(CommandError, match="Position introuvable"):
        call_command("build_communes", decoupage=decoupage, geonames=geonames, fixtures=fixtures)
    assert not (fixtures / "communes.json").exists()
    geonames.write_text(json.dumps(PLACES))
    call_command("build_communes", decoupage=decoupage, geonames=geonames, fixtures=fixtures)
    assert len(json.loads((fixtures / "communes.json").read_text())) == 3
