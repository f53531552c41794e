"""Faceted browsing: counts equal the database's, facets combine, territories inherit."""

import re

import pytest
from django.db import connection
from django.db.models import Q
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from odd17 import search
from odd17.core import listing as listing_module
from odd17.core.filters import ResourceFilter
from odd17.core.listing import CountedPaginator, Listing
from odd17.core.models import Criterion, Resource, Territory
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

FACETS = list(ResourceFilter.facets())

# How each facet's value selects resources, written as plain ORM lookups (the oracle).
ORACLE = {
    "axe": "rubriques__axis",
    "porte": "kind__door",
    "type": "kind__slug",
    "profil": "profiles__slug",
    "critere": "domains__criterion",
    "domaine": "domains__slug",
    "odd": "goals__number",
    "cible": "targets__code",
    "format": "format",
    "producteur": "producers__slug",
    "mot_cle": "tags__slug",
}


def oracle(state):
    """Published resources matching `state` ({param: [values]}), by plain ORM joins."""
    queryset = Resource.objects.published()
    for param, values in state.items():
        if param == "q":
            queryset = search.matching(queryset, values[0])
        elif param == "territoire":
            territories = Territory.objects.filter(code__in=values)
            related = set(
                Territory.objects.filter(
                    Q(pk__in=territories)
                    | Q(parent__in=territories)  # inside: départements of a région…
                    | Q(parent__parent__in=territories)
                    | Q(children__in=territories)  # containing: its région, France
                    | Q(children__children__in=territories)
                ).values_list("pk", flat=True)
            )
            queryset = queryset.filter(territories__in=related)
        elif param == "rubrique":
            queryset = queryset.filter(Q(rubriques__slug__in=values) | Q(rubriques__parent__slug__in=values))
        else:
            queryset = queryset.filter(**{f"{ORACLE[param]}__in": values})
    return queryset.distinct()


def query(state):
    data = QueryDict(mutable=True)
    for param, values in state.items():
        data.setlist(param, values)
    return data


STATES = [
    {},
    {"profil": ["collectivites"]},
    {"profil": ["collectivites", "entreprises"], "territoire": ["69"]},
    {"type": ["exemple"], "domaine": ["emploi", "sante"], "odd": ["17"]},
    {"territoire": ["R84"], "axe": ["agir"], "critere": ["social"]},
    {"rubrique": ["axes-d-outillage"], "format": ["document", "page"], "cible": ["17.17"]},
    {"mot_cle": ["alliances"], "producteur": ["le-rameau"]},
    {"q": ["partenariats"], "profil": ["collectivites", "associations"], "critere": ["social"]},
    {"q": ["territoire -coopération"], "territoire": ["R84"]},
]


@pytest.mark.parametrize("state", STATES, ids=lambda state: "+".join(state) or "rien")
def test_facet_counts_equal_direct_orm_counts(state):
    listing = Listing(query(state), Resource.objects.published())
    assert listing.count == oracle(state).count()
    for facet in FACETS:
        if facet in ("territoire", "rubrique"):
            continue  # checked below on a sample: one count per territory is 120 queries
        others = {param: values for param, values in state.items() if param != facet}
        for option in listing.facets[FACETS.index(facet)].options:
            expected = oracle({**others, facet: [option.value]}).count()
            assert option.count == expected, (facet, option.value)


@pytest.mark.parametrize("state", STATES[:4], ids=lambda state: "+".join(state) or "rien")
def test_territory_and_rubrique_counts_follow_inheritance(state):
    listing = Listing(query(state), Resource.objects.published())
    facets = {facet.name: facet for facet in listing.facets}
    others = {param: values for param, values in state.items() if param != "territoire"}
    for code in ("FR", "R84", "69", "R75", "19", "2A", "974"):
        option = next(o for o in facets["territoire"].options if o.value == code)
        assert option.count == oracle({**others, "territoire": [code]}).count(), code
    for slug in ("axes-d-outillage", "co-construire-en-territoire", "se-former", "fiches-reperes"):
        option = next(o for o in facets["rubrique"].options if o.value == slug)
        assert option.count == oracle({**state, "rubrique": [slug]}).count(), slug


@pytest.mark.parametrize(
    "state",
    [{"q": ["partenariats"]}, {"q": ["territoire OR acteurs"], "profil": ["collectivites", "associations"]}],
    ids=["recherche", "recherche+profil"],
)
def test_pages_of_a_ranked_list_are_those_of_the_full_ranking(monkeypatch, state):
    """Each page is read among the resources ranked high enough to be on it: the same pages."""
    monkeypatch.setattr(listing_module, "PAGE_SIZE", 5)
    everything = list(Listing(query(state), Resource.objects.published()).filterset.qs)
    assert len(everything) > 15
    pages, restricted = [], 0
    for number in range(1, -(-len(everything) // 5) + 1):
        with CaptureQueriesContext(connection) as queries:
            page = Listing(query({**state, "page": [str(number)]}), Resource.objects.published()).page
        pages += list(page)
        restricted += any(re.search(r'"core_resource"\."id" IN \(\d', q["sql"]) for q in queries)
    assert pages == everything
    assert restricted >= 3  # the first pages were read among a few resources, not ranked again


def test_leaders_are_those_ranked_as_high_as_the_last_place():
    ranks = {1: 2.0, 2: 1.0, 3: 1.0, 4: 0.5}
    assert listing_module.leaders(ranks, 2) == [1, 2, 3]  # a tie for the last place keeps both
    assert listing_module.leaders(ranks, 4) == [1, 2, 3, 4]
    assert listing_module.leaders(ranks, 10) == [1, 2, 3, 4]
    many = list(range(listing_module.MAX_LEADERS + 1))
    queryset = Resource.objects.all()
    assert listing_module.among(queryset, many) is queryset  # too many to be worth a list of ids
    few = listing_module.among(queryset, many[:3])
    assert few.count() == Resource.objects.filter(pk__in=many[:3]).count()


def test_a_link_removed_by_raw_sql_leaves_the_counts_and_the_pages_at_once():
    """The link tables are the truth: no signal, no command, and the facet index follows them."""
    state = {"q": ["partenariats"], "profil": ["collectivites"]}
    before = Listing(query(state), Resource.objects.published())
    first = list(before.page)[0]  # the sets are built
    through = Resource.profiles.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {through} WHERE resource_id = %s AND profile_id IN"
            " (SELECT id FROM core_profile WHERE slug = 'collectivites')",
            [first.pk],
        )
    listing = Listing(query(state), Resource.objects.published())
    assert first not in listing.page
    assert listing.count == before.count - 1 == oracle(state).count()


def test_a_ranked_page_that_comes_out_short_is_read_again_among_all_results():
    """Should the ranks name a result the database no longer holds, the page is still full."""
    queryset = Resource.objects.published().order_by("pk")
    real = list(queryset.values_list("pk", flat=True)[:6])
    ranks = dict.fromkeys(real[:4], 1.0) | {10**9: 2.0}  # a ghost ranked first
    page = CountedPaginator(queryset, 4, count=len(real), ranks=ranks).page(1)
    assert [resource.pk for resource in page] == real[:4]


def test_or_within_a_facet_and_across_facets():
    one = oracle({"profil": ["collectivites"]}).count()
    both = Listing(query({"profil": ["collectivites", "fondations"]}), Resource.objects.published()).count
    assert both >= one
    assert (
        both
        == Resource.objects.published()
        .filter(profiles__slug__in=["collectivites", "fondations"])
        .distinct()
        .count()
    )
    across = Listing(
        query({"profil": ["collectivites"], "type": ["exemple"]}), Resource.objects.published()
    ).count
    assert (
        across
        == Resource.objects.published().filter(profiles__slug="collectivites", kind__slug="exemple").count()
    )


def test_zero_options_are_shown_disabled(client):
    response = client.get("/ressources/", {"type": "formation"})
    targets = next(facet for facet in response.context["listing"].facets if facet.name == "cible")
    empty = [option for option in targets.options if option.count == 0]
    assert empty and len(targets.options) == 19
    html = response.content.decode()
    assert f'value="{empty[0].value}" id="cible-{empty[0].value.replace(".", "")}" disabled' in html


@pytest.fixture
def places():
    codes = ("FR", "R84", "69", "01", "R11", "75")
    return {
        code: ResourceFactory(
            title=f"Ressource {code}", tagged={"territories": [Territory.objects.get(code=code)]}
        )
        for code in codes
    }


def ids(client, **params):
    response = client.get("/ressources/", params)
    return list(response.context["listing"].filterset.qs.values_list("pk", flat=True))


def test_a_departement_shows_its_region_and_national_resources_most_local_first(client, places):
    listing = Listing(query({"territoire": ["69"], "q": []}), Resource.objects.filter(source=""))
    found = [resource.pk for resource in listing.page]
    assert set(found) >= {places["69"].pk, places["R84"].pk, places["FR"].pk}
    assert places["01"].pk not in found and places["75"].pk not in found
    assert found.index(places["69"].pk) < found.index(places["R84"].pk) < found.index(places["FR"].pk)
    assert "Sont inclus les ressources nationales" in listing.territory_note


def test_a_region_also_shows_its_departements(client, places):
    found = ids(client, territoire="R84")
    assert {places["69"].pk, places["01"].pk, places["R84"].pk, places["FR"].pk} <= set(found)
    assert places["75"].pk not in found


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Rhône", "69"),
        ("rhone", "69"),
        ("2a", "2A"),
        ("La Réunion", "974"),
        ("Corse-du-Sud", "2A"),
        ("r84", "R84"),
    ],
)
def test_a_territory_is_picked_by_name_or_number_and_the_url_carries_its_code(client, typed, code):
    response = client.get("/ressources/", {"territoire": typed, "profil": "collectivites"})
    assert response.status_code == 302
    assert response["Location"] == f"/ressources/?profil=collectivites&territoire={code}"


def test_unknown_territory_is_explained_not_applied(client):
    response = client.get("/ressources/", {"territoire": "Atlantide"})
    assert response.status_code == 200
    assert "Atlantide n’en fait pas partie" in response.content.decode()
    assert response.context["listing"].count == Resource.objects.published().count()


def test_chips_remove_one_value_and_keep_the_others(client):
    response = client.get("/ressources/", {"profil": ["collectivites", "entreprises"], "territoire": "69"})
    chips = {chip.label: chip.remove_url for chip in response.context["listing"].chips}
    assert chips["Profil d'acteur : Entreprises"] == "?profil=collectivites&territoire=69"
    assert chips["Territoire : Rhône (69)"] == "?profil=collectivites&profil=entreprises"
    html = response.content.decode()
    assert 'href="?"' in html and "Effacer tous les filtres" in html


def test_pagination_keeps_the_filters(client):
    for _ in range(30):
        ResourceFactory(tagged={"territories": [Territory.objects.get(code="FR")]})
    response = client.get("/ressources/", {"territoire": "69", "tri": "titre"})
    assert 'href="?territoire=69&amp;tri=titre&amp;page=2"' in response.content.decode()


def test_rubrique_pages_use_the_same_facets(client):
    response = client.get("/agir/axes-d-outillage/", {"profil": "entreprises"})
    listing = response.context["listing"]
    expected = oracle({"rubrique": ["axes-d-outillage"], "profil": ["entreprises"]}).count()
    assert listing.count == expected > 0
    assert "axe" not in [facet.name for facet in listing.facets]


def test_doors_page_offers_the_four_entry_doors_with_counts(client):
    html = client.get("/trouver/").content.decode()
    assert "?profil=collectivites" in html and "?domaine=transition-energetique" in html
    assert "?porte=temoignages" in html and 'name="territoire"' in html
    assert "Critères sociétaux" in html


@pytest.mark.parametrize(
    "state",
    [
        {"profil": ["collectivites"]},
        {"profil": ["associations"], "tri": ["titre"]},
        {"q": ["partenariats"], "tri": ["recent"], "domaine": ["emploi", "sante"]},
        {"territoire": ["R84"], "profil": ["associations", "collectivites"]},  # the most local first
    ],
    ids=["date", "titre", "texte+date", "territoire"],
)
def test_every_page_read_from_the_index_is_the_page_of_the_sql_order(monkeypatch, state):
    """Pages are read by walking an order the facet index keeps (or among the few results it found):
    the same pages, in the same order, as the FilterSet's own sorted queryset."""
    monkeypatch.setattr(listing_module, "PAGE_SIZE", 4)
    everything = list(Listing(query(state), Resource.objects.published()).filterset.qs)
    assert len(everything) > 8
    pages = []
    for number in range(1, -(-len(everything) // 4) + 1):
        pages += list(Listing(query({**state, "page": [str(number)]}), Resource.objects.published()).page)
    assert pages == everything


def test_a_page_walked_from_the_index_follows_a_retitled_resource():
    """The kept order is derived data too: a title changed by update() moves the resource at once."""
    state = {"tri": ["titre"], "profil": ["collectivites"]}
    first = list(Listing(query(state), Resource.objects.published()).page)[0]
    Resource.objects.filter(pk=first.pk).update(title="ZZZ en dernier")
    assert first not in list(Listing(query(state), Resource.objects.published()).page)


def test_doors_page_groups_the_domains_by_critere_in_the_specifications_order(client):
    """Économiques, sociaux, sociétaux, environnementaux: the order of `Criterion`, not the alphabet."""
    response = client.get("/trouver/")
    groups = [group for group, _ in response.context["facets"]["domaine"].groups]
    assert groups == [label for _, label in Criterion.choices]
    html = response.content.decode()
    positions = [html.index(f"<h3>{label}</h3>") for label in groups]
    assert positions == sorted(positions)
