"""The one-page overview: the whole platform, its counts equal to the database's."""

import pytest

from odd17.core.models import Axis, Organisation, Profile, Resource, Rubrique

pytestmark = pytest.mark.django_db


def test_home_links_to_the_overview(client):
    assert 'href="/vue-d-ensemble/"' in client.get("/").content.decode()


def test_overview_counts_equal_the_database(client):
    response = client.get("/vue-d-ensemble/")
    assert response.status_code == 200
    published = Resource.objects.published()
    totals = response.context["totals"]
    assert totals["resources"] == published.count()
    assert totals["examples"] == published.filter(kind__slug="exemple").count()
    assert totals["organisations"] == Organisation.objects.filter(resources__in=published).distinct().count()
    for item in response.context["axes_overview"]:
        assert item["count"] == published.on_axis(item["axis"]).count()
        for rubrique in item["rubriques"]:
            assert rubrique.count == published.in_rubrique(rubrique).count(), rubrique.slug
    for profile in response.context["profiles"]:
        for axis in Axis:
            expected = published.on_axis(axis).filter(profiles=profile).count()
            assert (getattr(profile, f"count_{axis.value}") or 0) == expected, (profile.slug, axis)


def test_overview_shows_every_rubrique_and_where_each_profile_starts(client):
    html = client.get("/vue-d-ensemble/").content.decode()
    for rubrique in Rubrique.objects.all():
        assert rubrique.get_absolute_url() in html, rubrique.slug
    for profile in Profile.objects.all():
        assert f'href="/comprendre/fiches-reperes-acteurs/{profile.slug}/"' in html
        assert f'href="/perenniser/se-former/?profil={profile.slug}"' in html
