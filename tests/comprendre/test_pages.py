"""Comprendre: the ODD and cibles, the fiches repères, the knowledge bases, with real content."""

import pytest

from comprendre.models import KeyFigure
from odd17.core.models import Domain, Profile, Resource, Territory

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_comprendre_les_odd_shows_odd17_its_cibles_interactions_and_questions(client):
    html = html_of(client, "/comprendre/comprendre-les-odd/")
    assert "Les interactions clés de l&#x27;ODD 17" in html or "Les interactions clés de l'ODD 17" in html
    assert "catalyse territoriale" in html  # one of the guide's questions
    assert html.count('href="/comprendre/comprendre-les-odd/cible-17.') == 19
    assert html.count('href="/comprendre/comprendre-les-odd/odd-') >= 17


def test_cible_17_17_shows_its_official_title_meaning_and_tools(client):
    html = html_of(client, "/comprendre/comprendre-les-odd/cible-17.17/")
    assert "Encourager et promouvoir les partenariats publics" in html
    assert "Ce que la cible veut dire pour un territoire" in html
    for tool in ("Conseil supérieur de l&#x27;ESS", "labo régional des partenariats", "Villes au carré"):
        assert tool.lower() in html.lower(), tool


def test_cible_17_9_lists_the_moocs_of_the_guide(client):
    html = html_of(client, "/comprendre/comprendre-les-odd/cible-17.9/")
    assert "Les Alliances qui changent les territoires" in html
    assert "changeons d&#x27;époque" in html


def test_a_cible_the_guide_does_not_treat_says_so(client):
    html = html_of(client, "/comprendre/comprendre-les-odd/cible-17.2/")
    assert "ne détaille pas d'outil" in html


def test_goal_page_lists_the_resources_tagged_with_it(client):
    response = client.get("/comprendre/comprendre-les-odd/odd-17/")
    assert response.status_code == 200
    assert (
        response.context["page"].paginator.count
        == Resource.objects.published().filter(goals__number=17).count()
    )


def test_fiches_reperes_show_the_triptych(client):
    html = html_of(client, "/comprendre/fiches-reperes/")
    assert "Critères environnementaux" in html and "Transition énergétique" in html
    assert "Collectivités territoriales" in html and "Hauts-de-France" in html
    assert html.count('href="/comprendre/fiches-reperes-territoires/R') == Territory.objects.regions().count()


def test_domain_sub_rubrique_groups_the_16_domains_by_criterion(client):
    html = html_of(client, "/comprendre/fiches-reperes-domaines/")
    assert html.count('href="/comprendre/fiches-reperes-domaines/') == Domain.objects.count()


def test_profile_fiche_gathers_figures_examples_and_the_source(client):
    html = html_of(client, "/comprendre/fiches-reperes-acteurs/collectivites/")
    assert "87 %" in html  # des maires voient dans les nouvelles alliances une source d'innovation
    assert "observatoire-des-partenariats.fr/fichesrep" in html
    assert "Maison de services au public d&#x27;Ayen" in html


def test_region_fiche_gathers_the_local_examples_and_their_figures(client):
    html = html_of(client, "/comprendre/fiches-reperes-territoires/R53/")  # Bretagne
    assert "Ille-et-Vilaine" in html and "270" in html
    html = html_of(client, "/comprendre/fiches-reperes-territoires/R32/")  # Hauts-de-France
    assert "Loos-en-Gohelle" in html and "110 hectares" in html


def test_domain_fiche_counts_match_the_database(client):
    domain = Domain.objects.get(slug="numerique")
    response = client.get(f"/comprendre/fiches-reperes-domaines/{domain.slug}/")
    assert response.context["counts"]["total"] == Resource.objects.published().filter(domains=domain).count()


def test_profile_figures_are_those_about_the_profile():
    citoyens = Profile.objects.get(slug="citoyens")
    values = set(KeyFigure.objects.public().about_profile(citoyens).values_list("value", flat=True))
    assert {"81 %", "21 %", "84 %"} <= values
    assert "87 %" not in values  # about mayors


def test_knowledge_bases_say_what_one_can_search_and_link_out_when_the_seeds_give_a_url(client):
    html = html_of(client, "/comprendre/bases-de-connaissance/")
    assert "Base COVID-19 – volet Besoins" in html and "par profil d&#x27;acteur" in html
    assert "Base IMPACT" in html
    assert 'href="http://cosoter-ressources.info"' in html
    assert "Son adresse en ligne n'est pas encore connue." in html


@pytest.mark.parametrize(
    "url",
    [
        "/comprendre/comprendre-les-odd/odd-99/",
        "/comprendre/comprendre-les-odd/odd-99999999999999999999999/",
        "/comprendre/comprendre-les-odd/cible-17.99/",
        "/comprendre/comprendre-les-odd/cible-<script>/",
        "/comprendre/fiches-reperes-acteurs/martiens/",
        "/comprendre/fiches-reperes-territoires/69/",  # a département: fiches are per région
        "/comprendre/fiches-reperes-planetes/mars/",
    ],
)
def test_unknown_slugs_give_the_french_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_region_fiche_lists_the_catalyseurs_located_in_the_region_only(client):
    from catalyseurs.models import Catalyseur

    region = Territory.objects.get(code="R32")
    shown = {c.slug for c in client.get("/comprendre/fiches-reperes-territoires/R32/").context["catalyseurs"]}
    expected = set(
        Catalyseur.objects.published()
        .filter(territory__in=[region, *region.children.all()])
        .values_list("slug", flat=True)
    )
    assert shown == expected and {"cerdd", "fondation-de-lille", "ssilab"} <= shown
    assert "fabrique-des-transitions" not in shown  # national: the directory's territory list has it


def test_profile_and_domain_fiches_list_their_catalyseurs(client):
    html = html_of(client, "/comprendre/fiches-reperes-acteurs/collectivites/")
    assert "Pays de Retz" in html and 'href="/catalyseurs/?profil=collectivites"' in html
    context = client.get("/comprendre/fiches-reperes-domaines/numerique/").context
    assert "infolab-du-crij-orleans" in {c.slug for c in context["catalyseurs"]}
