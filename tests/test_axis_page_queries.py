"""Every page type of the three axes and the overview runs a bounded number of SQL queries."""

import pytest

from odd17.core.models import Organisation, Profile, Rubrique, Territory
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

URLS = [
    "/vue-d-ensemble/",
    "/comprendre/comprendre-les-odd/",
    "/comprendre/comprendre-les-odd/odd-17/",
    "/comprendre/comprendre-les-odd/cible-17.17/",
    "/comprendre/fiches-reperes/",
    "/comprendre/fiches-reperes-domaines/",
    "/comprendre/fiches-reperes-domaines/numerique/",
    "/comprendre/fiches-reperes-acteurs/collectivites/",
    "/comprendre/fiches-reperes-territoires/R32/",
    "/comprendre/bases-de-connaissance/",
    "/agir/co-construire-en-territoire/",
    "/agir/exemples-inspirants/",
    "/agir/exemples-inspirants/ville-durable-de-loos-en-gohelle/",
    "/agir/kit-odd-17-en-pratique/",
    "/perenniser/se-former/",
    "/perenniser/se-former/?modalite=en-ligne&profil=collectivites&type=formation",
    "/perenniser/se-faire-accompagner/",
    "/perenniser/capitaliser-avec-la-recherche/",
]


@pytest.fixture
def crowded():
    """Twenty more resources in each of these rubriques, tagged everywhere, to expose any N+1."""
    tags = {
        "rubriques": list(
            Rubrique.objects.filter(
                slug__in=[
                    "co-construire-en-territoire",
                    "exemples-inspirants",
                    "se-former",
                    "bases-de-connaissance",
                ]
            )
        ),
        "producers": list(Organisation.objects.all()[:2]),
        "profiles": list(Profile.objects.filter(slug="collectivites")),
        "territories": list(Territory.objects.filter(code__in=["FR", "59", "69"])),
    }
    for _ in range(20):
        ResourceFactory(tagged=tags)


@pytest.mark.parametrize("url", URLS)
def test_queries_are_bounded(client, django_assert_max_num_queries, pages_computed, crowded, url):
    client.get(url)  # steady state: the vocabulary rows kept in the cache (options, breadcrumb) are warm
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context is not None  # rendered by the view, not replayed from the page cache
