"""The directory's pages: bounded queries, garbage-proof parameters, the métiers page and its links."""

import random
import string
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from catalyseurs.models import Catalyseur, Commune
from odd17.core.content import load_content
from odd17.core.models import Metier, Territory
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db

LISTS = ["/catalyseurs/", "/catalyseurs/carte/", "/catalyseurs/carte.geojson"]
FULL = {
    "q": "reseau",
    "metier": ["accompagnement", "dialogue-territorial"],
    "profil": ["associations", "accompagnateurs"],
    "territoire": ["R32", "45"],
    "page": "1",
}


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("params", [{}, {"metier": "accompagnement"}, FULL], ids=["none", "one", "all"])
def test_queries_are_bounded_whatever_the_filters(
    client, demo_catalyseurs, django_assert_max_num_queries, path, params
):
    with django_assert_max_num_queries(10):
        response = client.get(path, params)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/catalyseurs/metiers/",
        "/catalyseurs/infolab-du-crij-orleans/",
        "/catalyseurs/territoire-paris-est-marne-bois/",
    ],
)
def test_other_pages_are_bounded_too(client, demo_catalyseurs, django_assert_max_num_queries, path):
    with django_assert_max_num_queries(10):
        assert client.get(path).status_code == 200


GARBAGE = [
    "metier=martiens",
    "territoire=99999&territoire=<script>alert(1)</script>",
    "profil=%00&q=%00",
    "q=" + "a" * 10_000,
    "page=-4",
    "page=999999",
    "page=abc&page=2",
    "q=' OR 1=1 --",
    "q=%22%22%22&metier=",
    "territoire=&profil=&metier=&q=",
    "metier=accompagnement&metier=accompagnement&metier=%E9",
    "%FF%FE=1&q=%C3%28",
]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("query", GARBAGE)
def test_garbage_parameters_never_give_a_500_nor_reflect_html(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode(errors="replace")


def test_random_query_strings_never_break_the_lists(client):
    rng = random.Random(2020)
    names = ["q", "metier", "profil", "territoire", "page", "x"]
    alphabet = string.printable + "éàç€\u0000\ufffd"
    for _ in range(60):
        params = {
            rng.choice(names): "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            for _ in range(3)
        }
        for path in LISTS:
            assert client.get(path, params).status_code in (200, 400), (path, params)


def test_bad_filters_are_explained_in_french(client):
    html = client.get("/catalyseurs/", {"metier": "martiens", "q": "x" * 300}).content.decode()
    assert "Certains critères n'ont pas été compris" in html
    assert "martiens" in html  # named in Django's French message
    assert "Sélectionnez un choix valide" in html


def test_metiers_page_explains_each_metier_with_examples_and_the_combination(client):
    html = client.get("/catalyseurs/metiers/").content.decode()
    for metier in Metier.objects.all():
        assert escape(metier.name) in html and escape(metier.activity_list[0]) in html
        assert f"?metier={metier.slug}" in html
    assert "InfoLab du CRIJ Orléans" in html and "Paris Est Marne &amp; Bois" in html
    assert "Club Gravelle Entreprendre" in html and "Vitawin" in html


@pytest.mark.parametrize("path", ["/", "/perenniser/", "/perenniser/se-faire-accompagner/"])
def test_the_metiers_page_is_linked_from_home_and_perenniser(client, path):
    html = client.get(path).content.decode()
    assert reverse("catalyseurs:metiers") in html and reverse("catalyseurs:index") in html


def test_card_says_how_the_map_places_it(client):
    html = client.get("/catalyseurs/territoire-paris-est-marne-bois/").content.decode()
    assert "Placé sur le chef-lieu, Créteil : la commune du catalyseur n'est pas connue." in html
    html = client.get("/catalyseurs/infolab-du-crij-orleans/").content.decode()
    assert "Placé sur sa commune, Orléans." in html
    html = client.get("/catalyseurs/reseau-national-de-l-economie-territoriale/").content.decode()
    assert "Pas de position : réseau d'envergure nationale" in html


def test_drafts_are_not_public(client):
    catalyseur = Catalyseur.objects.get(slug="ronalpia")
    catalyseur.status = Catalyseur.Status.DRAFT
    catalyseur.save()
    assert client.get(catalyseur.get_absolute_url()).status_code == 404
    assert "Ronalpia" not in client.get("/catalyseurs/").content.decode()


@pytest.mark.parametrize(
    "latitude, longitude, valid",
    [
        ("47.90248", "1.90407", True),  # Orléans
        ("-21.11", "55.53", True),  # La Réunion
        ("16.25", "-61.58", True),  # Guadeloupe
        ("1.90407", "47.90248", False),  # swapped: Somalia
        ("40.4", "-3.7", False),  # Madrid
        ("47.9", None, False),
    ],
)
def test_typed_positions_must_be_in_france(latitude, longitude, valid):
    catalyseur = Catalyseur.objects.get(slug="ronalpia")
    catalyseur.position_basis = Catalyseur.Position.MANUAL
    catalyseur.latitude = Decimal(latitude)
    catalyseur.longitude = Decimal(longitude) if longitude else None
    if valid:
        catalyseur.full_clean()
    else:
        with pytest.raises(ValidationError):
            catalyseur.full_clean()


def test_admin_refuses_a_position_out_of_france_in_french(staff_client):
    catalyseur = Catalyseur.objects.get(slug="ronalpia")
    response = staff_client.get(reverse("admin:catalyseurs_catalyseur_change", args=[catalyseur.pk]))
    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "position_basis": "saisie",
            "latitude": "40.4",
            "longitude": "-3.7",
            "territory": catalyseur.territory_id,
            "profile": catalyseur.profile_id,
            "resources": [],
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        }
    )
    response = staff_client.post(reverse("admin:catalyseurs_catalyseur_change", args=[catalyseur.pk]), data)
    assert response.status_code == 200
    assert "hors de France" in response.content.decode()


def test_admin_filters_by_metier_profile_and_territory(staff_client):
    url = reverse("admin:catalyseurs_catalyseur_changelist")
    response = staff_client.get(url, {"metiers__id__exact": Metier.objects.get(slug="gestion-d-un-lieu").pk})
    assert response.status_code == 200
    names = {c.name for c in response.context["cl"].result_list}
    assert "InfoLab du CRIJ Orléans" in names and "Ronalpia" not in names
    assert (
        staff_client.get(
            url, {"profile__id__exact": 1, "territory__id__exact": Territory.objects.get(code="45").pk}
        ).status_code
        == 200
    )


def test_loading_the_content_twice_makes_no_duplicate():
    before = (Catalyseur.objects.count(), Commune.objects.count())
    load_content(FIXTURES)
    assert (Catalyseur.objects.count(), Commune.objects.count()) == before
    assert Catalyseur.objects.get(slug="territoire-paris-est-marne-bois").roles.count() == 4


def test_seeds_place_every_catalyseur_they_can():
    assert Catalyseur.objects.published().count() >= 29
    placed = Catalyseur.objects.exclude(latitude=None)
    assert all(c.territory_id for c in placed)
    assert not Catalyseur.objects.exclude(website="").exists()  # the seeds give no website
    assert not Catalyseur.objects.exclude(contact_email="").exists()  # nor any address


def test_seed_demo_creates_catalyseurs():
    call_command("seed_demo", catalyseurs=30)
    demo = Catalyseur.objects.filter(source="seed_demo")
    assert demo.count() == 30
    assert not demo.filter(roles=None).exists() and not demo.filter(latitude=None).exists()


def test_metiers_page_lists_the_metiers_in_the_seeds_order(client):
    """Dialogue territorial, expérimentations collectives, accompagnement, gestion d'un lieu: the
    counts per métier must not make the page forget the métiers' own order."""
    response = client.get("/catalyseurs/metiers/")
    shown = [metier.slug for metier in response.context["metiers"]]
    assert shown == [
        "dialogue-territorial",
        "experimentations-collectives",
        "accompagnement",
        "gestion-d-un-lieu",
    ]
    html = response.content.decode()
    positions = [html.index(f'id="{slug}"') for slug in shown]
    assert positions == sorted(positions)
