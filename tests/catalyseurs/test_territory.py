"""The territory rule, the same as resources': a département also shows its région's and national
catalyseurs; a région also shows its départements'."""

import pytest

from catalyseurs.models import Catalyseur
from odd17.core.models import Territory

pytestmark = pytest.mark.django_db


def slugs(client, **params):
    return {c.slug for c in client.get("/catalyseurs/", params).context["listing"].page}


def test_the_shared_scope_climbs_to_france_from_a_departement_and_goes_down_from_a_region():
    loiret, centre = Territory.objects.get(code="45"), Territory.objects.get(code="R24")
    assert set(loiret.scope.values_list("code", flat=True)) == {"45", "R24", "FR"}
    below = set(Territory.objects.filter(parent=centre).values_list("code", flat=True))
    assert set(centre.scope.values_list("code", flat=True)) == {"R24", "FR"} | below


def test_a_departement_shows_its_own_its_regions_and_national_catalyseurs(client):
    found = slugs(client, territoire="45")
    assert "infolab-du-crij-orleans" in found  # Loiret
    assert "villes-au-carre" in found  # Centre-Val de Loire
    assert "reseau-national-de-l-economie-territoriale" in found  # France entière
    assert "pays-de-retz" not in found  # Loire-Atlantique
    assert "microville-112" not in found  # no territory given by the sources


def test_a_region_also_shows_its_departements(client):
    found = slugs(client, territoire="R32")
    assert {"fondation-de-lille", "ssilab", "reseau-alliances", "cerdd"} <= found
    assert "infolab-du-crij-orleans" not in found


def test_the_most_local_come_first(client):
    page = list(client.get("/catalyseurs/", {"territoire": "59"}).context["listing"].page)
    levels = [c.territory.level for c in page]
    assert levels == sorted(levels, reverse=True)
    assert page[0].territory.code == "59"


def test_every_territory_choice_matches_the_orm(client):
    for code in ["2A", "974", "R84", "69", "94"]:
        territory = Territory.objects.select_related("parent__parent").get(code=code)
        expected = set(
            Catalyseur.objects.published()
            .filter(territory__in=territory.scope.all())
            .values_list("slug", flat=True)
        )
        assert slugs(client, territoire=code) == expected, code
