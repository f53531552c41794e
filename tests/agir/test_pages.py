"""Agir: the six axes d'outillage by entry door, inspiring examples as stories, the kit path."""

import pytest
from django.utils.html import escape

from agir.models import Story
from agir.toolbox import PER_DOOR
from odd17.core.models import Resource, Rubrique

pytestmark = pytest.mark.django_db
NAMED_EXAMPLES = [
    "maison-de-services-au-public-d-ayen",
    "agir-ensemble-a-charenton-le-pont-saint-maurice",
    "ville-durable-de-loos-en-gohelle",
    "plateforme-rse-nantes-metropole",
    "exemple-partenariat-francais-pour-l-eau",
    "cooperation-ille-et-vilaine-mopti",
    "exemple-saigon-innovation-hub",
    "scic-bains-d-energie",
    "label-generateur-bourgogne-franche-comte",
    "labo-regional-des-partenariats-et-silver-geek",
    "conseil-superieur-de-l-ess-strasbourg",
    "territoire-paris-est-marne-bois-dialogue-territorial-vitawin",
    "microville-112-experimentation-collective",
    "infolab-crij-orleans-tiers-lieu-jeunes",
    "recherche-action-la-poste-malakoff-humanis",
]


def test_every_example_of_the_seeds_is_told_as_a_story():
    examples = Resource.objects.published().filter(kind__slug="exemple")
    assert Story.objects.filter(resource__in=examples).count() == examples.count() >= 40
    assert set(NAMED_EXAMPLES) <= set(Story.objects.values_list("resource__slug", flat=True))


def test_loos_en_gohelle_story_shows_its_figures_actors_and_parts(client):
    response = client.get("/agir/exemples-inspirants/ville-durable-de-loos-en-gohelle/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "110 hectares" in html and "30 ans" in html
    assert "Le contexte" in html and "La démarche" in html and "Les résultats" in html
    assert "Centre ressource du développement durable" in html or "CERDD" in html
    assert "Pas-de-Calais (62)" in html
    assert "Fabrique des Transitions" in html  # a related resource


def test_mopti_story_shows_its_270_maps_and_budget(client):
    html = client.get("/agir/exemples-inspirants/cooperation-ille-et-vilaine-mopti/").content.decode()
    assert "près de 270" in html and "cartes créées depuis 2010" in html
    assert "1 623 220 €" in html and "80 sur 108" in html


def test_actors_are_shown_with_their_profiles(client):
    story = Story.objects.get(resource__slug="maison-de-services-au-public-d-ayen")
    actor = story.resource.producers.filter(profile__isnull=False).first()
    html = client.get(story.get_absolute_url()).content.decode()
    assert escape(actor.name) in html and escape(actor.profile.name) in html


def test_story_parts_follow_the_labels_of_the_body():
    story = Story.objects.get(resource__slug="agir-ensemble-a-charenton-le-pont-saint-maurice")
    assert [heading for heading, _ in story.parts] == ["Le contexte", "La démarche", "Les résultats"]
    assert story.parts[0][1][0].startswith("En 2012, la communauté de communes")


def test_examples_page_links_to_the_stories(client):
    response = client.get("/agir/exemples-inspirants/")
    html = response.content.decode()
    assert response.context["page"].paginator.count == (
        Resource.objects.published().in_rubrique(Rubrique.objects.get(slug="exemples-inspirants")).count()
    )
    assert 'href="/agir/exemples-inspirants/' in html


AXES = [
    "s-approprier-les-odd",
    "transformer-son-modele-socio-economique",
    "mobiliser-l-engagement-de-ses-richesses-humaines",
    "piloter-des-partenariats-strategiques",
    "accompagner-l-innovation-societale",
    "co-construire-en-territoire",
]


@pytest.mark.parametrize("rubrique", AXES)
def test_each_axe_d_outillage_has_its_four_doors_and_examples(client, rubrique):
    response = client.get(f"/agir/{rubrique}/")
    html = response.content.decode()
    for door in ("Outils", "Témoignages", "Kit opératoire", "Méthodes"):
        assert f'">{door}</h3>' in html, door
    resources = Resource.objects.published().in_rubrique(Rubrique.objects.get(slug=rubrique))
    for door, items in response.context["doors"]:
        expected = resources.filter(kind__door=door.value).exclude(kind__slug="exemple").count()
        assert len(items) == min(PER_DOOR, expected), door
    examples = resources.filter(kind__slug="exemple").count()
    assert len(response.context["examples"]) == min(PER_DOOR, examples)


def test_co_construire_toolbox_names_its_tools_and_examples(client):
    html = client.get("/agir/co-construire-en-territoire/").content.decode()
    assert "Référentiel de la co-construction territoriale" in html  # méthodes
    assert "Les 7 leviers" in html
    assert "/agir/exemples-inspirants/ville-durable-de-loos-en-gohelle/" in html


def test_kit_is_a_guided_path_through_its_four_volets(client):
    html = client.get("/agir/kit-odd-17-en-pratique/").content.decode()
    positions = [html.index(f"Volet {step}") for step in range(1, 5)]
    assert positions == sorted(positions)
    assert "Pourquoi faire alliance ?" in html
    assert 'href="/agir/co-construire-en-territoire/"' in html
    assert "Kit « L&#x27;ODD 17 en pratique »" in html


@pytest.mark.parametrize(
    "url",
    ["/agir/exemples-inspirants/inconnu/", "/agir/exemples-inspirants/kit-l-odd-17-en-pratique/"],
)
def test_unknown_or_non_example_story_gives_the_french_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_a_draft_example_has_no_story_page(client):
    resource = Resource.objects.get(slug="scic-bains-d-energie")
    resource.unpublish()
    assert client.get("/agir/exemples-inspirants/scic-bains-d-energie/").status_code == 404


def test_a_story_links_the_catalyseurs_involved_and_not_the_drafts(client):
    """Loos-en-Gohelle: the CERDD and the Fabrique des Transitions list it among their resources."""
    from catalyseurs.models import Catalyseur

    url = "/agir/exemples-inspirants/ville-durable-de-loos-en-gohelle/"
    response = client.get(url)
    assert {c.slug for c in response.context["catalyseurs"]} == {"cerdd", "fabrique-des-transitions"}
    html = response.content.decode()
    assert 'href="/catalyseurs/cerdd/"' in html
    assert 'href="/catalyseurs/?territoire=62"' in html  # the directory, on the story's territory

    cerdd = Catalyseur.objects.get(slug="cerdd")
    cerdd.status = Catalyseur.Status.DRAFT
    cerdd.save()
    html = client.get(url).content.decode()
    assert (
        'href="/catalyseurs/cerdd/"' not in html and 'href="/catalyseurs/fabrique-des-transitions/"' in html
    )


def test_a_story_links_a_catalyseur_through_its_organisation():
    """A catalyseur whose organisation produced the example counts, even without the direct link."""
    from catalyseurs.models import Catalyseur

    story = Story.objects.get(resource__slug="agir-ensemble-a-charenton-le-pont-saint-maurice")
    territoire = Catalyseur.objects.get(slug="territoire-paris-est-marne-bois")
    territoire.resources.clear()
    assert territoire.organisation in story.resource.producers.all()
    assert territoire in Catalyseur.objects.published().involved_in(story.resource)
    territoire.organisation = None
    territoire.save()
    assert territoire not in Catalyseur.objects.published().involved_in(story.resource)


def test_a_toolbox_part_cut_at_per_door_links_to_the_rest_and_says_how_many():
    from django.test import Client

    from odd17.core.models import Kind
    from tests.factories import ResourceFactory

    slug = "co-construire-en-territoire"
    rubrique = Rubrique.objects.get(slug=slug)
    resources = Resource.objects.published().in_rubrique(rubrique)
    undoored = resources.filter(kind__door="").count()
    for _ in range(PER_DOOR + 1 - undoored):
        ResourceFactory(kind=Kind.objects.get(slug="etude"), tagged={"rubriques": [rubrique]})
    response = Client().get(f"/agir/{slug}/")
    html = response.content.decode()
    total = resources.filter(kind__door="").count()
    assert len(response.context["others"]) == PER_DOOR
    assert f"Les {PER_DOOR} plus récentes sur {total}" in html
    for door, _ in response.context["doors"]:
        shown = f"porte={door.value}" in html
        assert shown == (
            resources.filter(kind__door=door.value).exclude(kind__slug="exemple").count() > PER_DOOR
        )
