"""Pages run a bounded number of SQL queries, however many resources they list."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from odd17.core import freshness, options, stats
from odd17.core.models import Organisation, Profile, Resource, Rubrique, Territory
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowded_rubrique():
    """Thirty more resources in one rubrique, each with producers and tags, to expose any N+1."""
    rubrique = Rubrique.objects.get(slug="se-former")
    tags = {
        "rubriques": [rubrique],
        "producers": list(Organisation.objects.all()[:2]),
        "profiles": list(Profile.objects.all()[:3]),
        "territories": list(Territory.objects.filter(code__in=["FR", "69"])),
    }
    for _ in range(30):
        ResourceFactory(featured=True, tagged=tags)
    return rubrique


PAGES = {
    "home": lambda rubrique: "/",
    "axis": lambda rubrique: reverse("perenniser:index"),
    "rubrique": lambda rubrique: rubrique.get_absolute_url(),
    "resource_detail": lambda rubrique: (
        Resource.objects.published().filter(rubriques=rubrique).last().get_absolute_url()
    ),
}


@pytest.mark.parametrize("page", PAGES)
def test_queries_are_bounded(client, django_assert_max_num_queries, crowded_rubrique, page):
    url = PAGES[page](crowded_rubrique)
    options.all_options()  # the vocabulary lists are cached for all pages (8 queries when cold)
    stats.published_counts()  # and so are the counts by axis and rubrique the pages show
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200


def test_resource_list_queries_do_not_grow_with_the_number_of_resources(client, django_assert_num_queries):
    url = "/ressources/?profil=collectivites&territoire=69"
    client.get(url)  # warm-up: content types are cached in the process after the first request
    cache.clear()  # both measures compute everything: option lists and facet counts included
    freshness.forget()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    tags = {
        "profiles": [Profile.objects.get(slug="collectivites")],
        "territories": [Territory.objects.get(code="69")],
    }
    for _ in range(30):
        ResourceFactory(tagged={"producers": list(Organisation.objects.all()[:2]), **tags})
    cache.clear()
    freshness.forget()
    with django_assert_num_queries(len(few)):
        response = client.get(url)
    assert response.context["page"].paginator.count >= 30


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"profil": "collectivites"},
        {"profil": ["collectivites", "associations"], "territoire": "69", "type": ["exemple", "guide"]},
        {"q": "partenariats", "domaine": "emploi", "odd": "17", "territoire": "R84"},
        {"q": "partenarait"},
    ],
    ids=["0-facette", "1-facette", "3-facettes", "recherche", "suggestion"],
)
def test_list_queries_are_bounded_whatever_the_facets(client, django_assert_max_num_queries, params):
    options.all_options()  # cached vocabularies; facet counts are computed (the state is new)
    with django_assert_max_num_queries(10):
        response = client.get("/ressources/", params)
    assert response.status_code == 200


def test_search_page_queries_are_bounded(client, django_assert_max_num_queries):
    options.all_options()
    with django_assert_max_num_queries(10):
        response = client.get("/recherche/", {"q": "territoire"})
    assert response.context["total"] > 0
