"""French full-text search on the real content, the same on SQLite and PostgreSQL."""

import pytest

from catalyseurs.models import Catalyseur
from odd17 import search
from odd17.core.global_search import SHOWN, kind_groups
from odd17.core.models import Resource
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def titles(client, q, **params):
    response = client.get("/ressources/", {"q": q, **params})
    assert response.status_code == 200
    return [resource.title for resource in response.context["listing"].page]


def test_the_most_relevant_real_resource_comes_first(client):
    assert (
        titles(client, "MOOC alliances territoires")[0]
        == "MOOC « Les Alliances qui changent les territoires »"
    )


def test_accents_and_case_do_not_matter(client):
    found = titles(client, "COOPERATION decentralisee")
    assert "La coopération décentralisée des collectivités françaises" in found
    assert "Coopération décentralisée entre l'Ille-et-Vilaine et la région de Mopti (Mali)" in found


def test_plural_finds_singular(client):
    assert "Le Partenariat français pour l'eau" in titles(client, "partenariats eau")


def test_quoted_phrase_matches_in_order(client):
    found = titles(client, '"laboratoire d\'innovation publique"')
    assert found[0] == "MOOC « Comment faire un laboratoire d'innovation publique ? »"
    assert "Laboratoire Science et Nature : l'engagement territorial d'une entreprise rurale" not in found


def test_minus_excludes_a_word(client):
    found = titles(client, "MOOC -CNFPT")
    assert "MOOC « Les Alliances qui changent les territoires »" in found
    assert "MOOC « Territoires et développements : changeons d'époque ! »" not in found


def test_or_takes_either_word(client):
    found = titles(client, "Loos-en-Gohelle OR Mopti")
    assert "La ville durable de Loos-en-Gohelle (Pas-de-Calais)" in found
    assert "Coopération décentralisée entre l'Ille-et-Vilaine et la région de Mopti (Mali)" in found
    assert len(titles(client, "Gohelle Mopti")) < len(found)


def test_keywords_and_producers_are_searched():
    found = search.matching(Resource.objects.published(), "Observatoire des partenariats")
    assert found.filter(slug="base-impact-pratiques-partenariales-innovantes").exists()


def test_new_and_edited_resources_are_indexed_at_once():
    resource = ResourceFactory(title="Gouvernance des communs xylophages")
    assert search.matching(Resource.objects.all(), "xylophage").get() == resource
    resource.title = "Gouvernance partagée"
    resource.save()
    assert not search.matching(Resource.objects.all(), "xylophage").exists()
    resource.tags.add("zygomorphe")
    assert search.matching(Resource.objects.all(), "zygomorphe").get() == resource


def test_excerpts_highlight_the_words_found(client):
    response = client.get("/ressources/", {"q": "Loos-en-Gohelle"})
    html = response.content.decode()
    assert "<mark>" in html
    first = response.context["listing"].page[0]
    assert "<mark>" in first.excerpt


def test_a_typo_gets_a_suggestion(client):
    response = client.get("/ressources/", {"q": "partenarait"})
    listing = response.context["listing"]
    assert listing.count == 0
    assert listing.suggestion == "partenariat"
    assert "Vouliez-vous dire" in response.content.decode()
    assert client.get("/ressources/", {"q": listing.suggestion}).context["listing"].count > 0


def test_search_page_groups_results_by_type(client):
    response = client.get("/recherche/", {"q": "territoire"})
    groups = {group["label"]: group for group in response.context["groups"]}
    assert set(groups) == {"Ressources", "Exemples inspirants", "Événements", "Catalyseurs territoriaux"}
    examples = Resource.objects.published().filter(kind__slug="exemple")
    assert groups["Exemples inspirants"]["count"] == search.matching(examples, "territoire").count() > 5
    assert all(item.kind.slug == "exemple" for item in groups["Exemples inspirants"]["items"])
    assert groups["Exemples inspirants"]["url"] == "/ressources/?q=territoire&type=exemple"
    catalyseurs = search.matching(Catalyseur.objects.published(), "territoire").count()
    assert groups["Catalyseurs territoriaux"]["count"] == catalyseurs
    expected = search.matching(Resource.objects.published(), "territoire").count() + catalyseurs
    assert response.context["total"] == expected


@pytest.mark.parametrize(
    "params",
    [
        {"q": "territoire"},
        {"q": "partenariats OR acteurs", "profil": "collectivites"},
        {"q": "acteurs", "territoire": "69"},
    ],
    ids=["pertinence", "pertinence+profil", "territoire d'abord"],
)
def test_each_group_shows_the_first_of_its_results_in_the_list_order(client, params):
    """The same results, counts and order as the list of resources with the same filters."""
    response = client.get("/recherche/", params)
    listed = list(client.get("/ressources/", params).context["listing"].filterset.qs)
    grouped = {kind for _, kinds in kind_groups() for kind in kinds or []}
    for group, (label, kinds) in zip(response.context["groups"], kind_groups(), strict=False):
        results = [r.pk for r in listed if (r.kind.slug in kinds if kinds else r.kind.slug not in grouped)]
        assert group["label"] == label and group["count"] == len(results)
        assert [item.pk for item in group["items"]] == results[:SHOWN], label


@pytest.mark.parametrize("words", ["sont", "ont eux", "est"])
def test_words_postgresql_ignores_are_ignored_on_both_databases(client, words):
    """French stop words (« sont », « ont »…) neither narrow nor empty a search, on either database."""
    assert titles(client, f"partenariats {words}") == titles(client, "partenariats")
    assert search.parse(words).groups == []


def test_search_page_finds_catalyseurs(client):
    response = client.get("/recherche/", {"q": "infolab orleans"})
    groups = {group["label"]: group for group in response.context["groups"]}
    names = [item.name for item in groups["Catalyseurs territoriaux"]["items"]]
    assert any("InfoLab" in name for name in names)
    assert groups["Catalyseurs territoriaux"]["url"] == "/catalyseurs/?q=infolab+orleans"


def test_search_is_reachable_from_every_page_header(client):
    html = client.get("/catalyseurs/").content.decode()
    assert 'role="search"' in html and 'action="/recherche/"' in html


@pytest.mark.parametrize(
    ("text", "groups", "excluded"),
    [
        ("les partenariats", [[["partenariats"]]], []),
        ("Loos-en-Gohelle", [[["loos", "en", "gohelle"]]], []),
        ('"co-construction territoriale" -covid', [[["co", "construction", "territoriale"]]], [["covid"]]),
        ("alliances OR coalitions ESS", [[["alliances"], ["coalitions"]], [["ess"]]], []),
        ("OR OR", [], []),
        ('-"sortie de crise"', [], [["sortie", "de", "crise"]]),
    ],
)
def test_parse(text, groups, excluded):
    query = search.parse(text)
    assert query.groups == groups
    assert query.excluded == excluded


@pytest.mark.parametrize(
    "params",
    [
        {"q": "territoire"},
        {"q": "partenariats OR acteurs", "profil": "collectivites"},
        {"q": "acteurs", "territoire": "69"},
        {"q": "territoire", "type": ["guide", "exemple"]},
    ],
    ids=["texte", "texte+profil", "texte+territoire", "texte+types"],
)
def test_each_group_counts_what_its_link_lists(client, params):
    """« Ressources (10) » then « Voir les 10 résultats » must open a list of 10, not 12."""
    groups = [group for group in client.get("/recherche/", params).context["groups"] if group["count"]]
    assert len(groups) >= 2
    for group in groups:
        listed = client.get(group["url"]).context["page"].paginator.count
        assert listed == group["count"], (group["label"], group["url"])
