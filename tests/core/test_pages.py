"""Every public page renders real content; what is not published stays invisible."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from odd17.core.models import Axis, Kind, Metier, Profile, Resource, Rubrique, Territory
from perenniser.filters import TrainingFilter
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_home_presents_the_three_axes_with_live_counts(client):
    response = client.get("/")
    assert response.status_code == 200
    overview = {item["axis"]: item for item in response.context["axes_overview"]}
    assert list(overview) == list(Axis)
    for axis, item in overview.items():
        assert item["count"] == Resource.objects.published().on_axis(axis).count() > 0
        assert item["rubriques"], axis
    html = response.content.decode()
    assert "Comprendre les ODD" in html and "Se faire accompagner" in html
    for profile in Profile.objects.all():
        assert f"?profil={profile.slug}" in html


def test_home_shows_featured_and_latest_real_resources(client):
    featured = Resource.objects.published().filter(featured=True).first()
    response = client.get("/")
    assert escape(featured.title) in response.content.decode()
    assert len(response.context["latest"]) == 6


@pytest.mark.parametrize("axis", list(Axis))
def test_axis_page_lists_its_rubriques_with_counts(client, axis):
    response = client.get(reverse(f"{axis.value}:index"))
    assert response.status_code == 200
    shown = {rubrique.slug: rubrique.count for rubrique in response.context["rubriques"]}
    for rubrique in Rubrique.objects.filter(axis=axis, parent=None):
        assert shown[rubrique.slug] == Resource.objects.published().in_rubrique(rubrique).count()


def test_every_rubrique_page_lists_its_published_resources(client):
    """Each rubrique's count (home, axis pages) is what its page shows: as a faceted list, or as the
    cards of a page of its own (whose own tests check their grouping)."""
    for rubrique in Rubrique.objects.all():
        response = client.get(rubrique.get_absolute_url())
        assert response.status_code == 200, rubrique.slug
        expected = Resource.objects.published().in_rubrique(rubrique)
        page = response.content.decode()
        if "listing" in response.context:
            assert response.context["listing"].count == expected.count(), rubrique.slug
        if expected.exists():
            assert "Aucune ressource ne correspond" not in page, rubrique.slug
            assert escape(expected.first().title) in page, rubrique.slug


def test_rubrique_of_another_axis_is_not_found(client):
    response = client.get(reverse("agir:rubrique", kwargs={"slug": "se-former"}))
    assert response.status_code == 404


def test_rubrique_pages_are_paginated(client):
    rubrique = Rubrique.objects.get(slug="se-former")
    for _ in range(30):
        ResourceFactory(tagged={"rubriques": [rubrique]})
    response = client.get(rubrique.get_absolute_url(), {"page": 2})
    assert response.context["page"].number == 2
    assert "Page 2 sur" in response.content.decode()


def test_every_published_resource_has_a_detail_page_with_its_link_out(client):
    for resource in Resource.objects.published():
        response = client.get(resource.get_absolute_url())
        assert response.status_code == 200, resource.slug
        html = response.content.decode()
        if resource.url:
            assert f'href="{resource.url}"' in html.replace("&amp;", "&")
        elif not hasattr(resource, "story"):  # a told example's page is its story's (tests/agir)
            assert "Aucune adresse en ligne n'est connue pour cette ressource." in html


def test_detail_tags_link_to_the_matching_lists(client):
    resource = Resource.objects.published().filter(profiles__isnull=False, territories__isnull=False).first()
    html = client.get(resource.get_absolute_url()).content.decode()
    profile = resource.profiles.first()
    territory = resource.territories.first()
    assert f'href="/ressources/?profil={profile.slug}"' in html
    assert f'href="/ressources/?territoire={territory.code}"' in html
    listed = client.get(f"/ressources/?profil={profile.slug}").context["page"].paginator.object_list
    assert resource in listed


@pytest.mark.parametrize("status", [Resource.Status.DRAFT, Resource.Status.REVIEW, Resource.Status.ARCHIVED])
def test_unpublished_resources_are_not_found_and_not_listed(client, status):
    rubrique = Rubrique.objects.get(slug="se-former")
    resource = ResourceFactory(status=status, title="Brouillon secret", tagged={"rubriques": [rubrique]})
    assert client.get(resource.get_absolute_url()).status_code == 404
    assert "Brouillon secret" not in client.get(rubrique.get_absolute_url()).content.decode()
    assert "Brouillon secret" not in client.get("/ressources/").content.decode()


def test_resource_scheduled_for_later_is_not_public(client):
    resource = ResourceFactory(published_on="2999-01-01")
    assert client.get(resource.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/ressources/inconnue/",
        "/comprendre/inconnue/",
        "/agir/inconnue/",
        "/perenniser/rien/",
        "/nulle-part/",
    ],
)
def test_unknown_slugs_give_the_french_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    assert '<html lang="fr">' in response.content.decode()


def test_catalyseurs_page_explains_the_four_metiers(client):
    html = client.get("/catalyseurs/metiers/").content.decode()
    for metier in Metier.objects.all():
        assert escape(metier.name) in html
        assert escape(metier.activity_list[0]) in html


def test_resource_list_ignores_bad_filters_and_says_so_in_french(client):
    response = client.get("/ressources/", {"profil": "martiens", "page": "-4", "territoire": "<script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "ont été ignorés" in html
    assert "<script>" not in html
    assert response.context["page"].paginator.count == Resource.objects.published().count()


def test_resource_list_filters_by_territory_with_national_resources(client):
    national, rhone, ain = (
        ResourceFactory(tagged={"territories": [Territory.objects.get(code=code)]})
        for code in ("FR", "69", "01")
    )
    listed = list(client.get("/ressources/", {"territoire": "69"}).context["page"].paginator.object_list)
    assert national in listed and rhone in listed and ain not in listed


def test_a_told_example_has_one_address_its_story_and_the_other_redirects(client):
    examples = Resource.objects.published().examples().filter(story__isnull=False)
    assert examples.exists()
    for resource in examples:
        story_url = reverse("agir:story", kwargs={"slug": resource.slug})
        assert resource.get_absolute_url() == story_url
        response = client.get(reverse("core:resource_detail", kwargs={"slug": resource.slug}))
        assert response.status_code == 301
        assert response["Location"] == story_url


def test_a_renamed_rubrique_keeps_its_page(client):
    rubrique = Rubrique.objects.get(page="formations")
    rubrique.slug, rubrique.title = "formations-odd-17", "Formations"
    rubrique.save()
    response = client.get(rubrique.get_absolute_url())
    assert response.status_code == 200
    assert isinstance(response.context["listing"].filterset, TrainingFilter)  # the trainings page
    assert f'href="{rubrique.get_absolute_url()}?profil=' in client.get("/vue-d-ensemble/").content.decode()


def test_a_kind_tells_stories_by_its_flag_not_by_its_slug(client):
    kind = Kind.objects.get(tells_story=True)
    kind.slug = "recit"
    kind.save()
    totals = Resource.objects.published().totals()
    assert totals["examples"] == Resource.objects.published().filter(kind=kind).count() > 0
