"""Pérenniser: trainings with their details and filters, accompaniment offers, research works."""

import pytest

from odd17.core.models import Resource, Rubrique, Territory
from perenniser.models import Training

pytestmark = pytest.mark.django_db


def test_se_former_shows_moocs_with_provider_mode_and_the_academic_map(client):
    response = client.get("/perenniser/se-former/")
    html = response.content.decode()
    assert "MOOC « Les Alliances qui changent les territoires »" in html
    assert "ESSEC" in html and "Coursera" in html and "En ligne" in html
    assert "formations académiques" in html
    assert "Prochaine session" in html


def test_se_former_filters_by_modalite_and_profile(client):
    response = client.get("/perenniser/se-former/", {"modalite": "presentiel"})
    listed = list(response.context["listing"].page.paginator.object_list)
    assert listed and all(r.training.mode == Training.Mode.PRESENTIEL for r in listed)
    response = client.get("/perenniser/se-former/", {"profil": "academiques"})
    assert all(
        r.profiles.filter(slug="academiques").exists() for r in response.context["listing"].page.object_list
    )


def test_se_former_ignores_garbage_parameters(client):
    response = client.get(
        "/perenniser/se-former/",
        {"modalite": "télépathie", "territoire": "<script>", "page": "-1", "profil": "x"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "ont été ignorés" in html and "<script>" not in html
    rubrique = Rubrique.objects.get(slug="se-former")
    assert (
        response.context["listing"].page.paginator.count
        == Resource.objects.published().in_rubrique(rubrique).count()
    )


def test_se_faire_accompagner_groups_offers_by_need_with_audience_and_territory(client):
    html = client.get("/perenniser/se-faire-accompagner/").content.decode()
    for need in (
        "Pour la catalyse territoriale",
        "Pour les projets d&#x27;innovation",
        "Pour mobiliser les citoyens",
    ):
        assert need in html
    assert "Réseau des pionniers des alliances en Territoire" in html
    assert "Communes de moins de 10 000 habitants" in html
    assert "Pour qui" in html and "Territoire" in html and "Occitanie" in html


def test_capitaliser_avec_la_recherche_shows_authors_institution_year(client):
    response = client.get("/perenniser/capitaliser-avec-la-recherche/")
    html = response.content.decode()
    assert "AgroParisTech" in html and "Institut pour la Recherche de la Caisse des Dépôts" in html
    assert "2018" in html and "Auteurs" in html
    works = list(response.context["works"])
    years = [w.research.year for w in works if getattr(w, "research", None) and w.research.year]
    assert years == sorted(years, reverse=True)


def test_se_former_filters_by_territory_with_national_trainings(client):
    response = client.get("/perenniser/se-former/", {"territoire": "69"})
    html = response.content.decode()
    assert 'name="territoire"' in html
    rubrique = Rubrique.objects.get(slug="se-former")
    expected = Resource.objects.published().in_rubrique(rubrique).covering(Territory.objects.get(code="69"))
    assert response.context["listing"].page.paginator.count == expected.count() > 0
