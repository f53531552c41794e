"""The GeoJSON endpoint: exactly the filtered, published, located catalyseurs, as valid GeoJSON."""

import gzip
import json
import random

import pytest

from catalyseurs.demo import create_demo_catalyseurs
from catalyseurs.geo import in_france
from catalyseurs.models import Catalyseur

pytestmark = pytest.mark.django_db


def assert_valid_feature_collection(data):
    """The parts of RFC 7946 the map relies on."""
    assert data["type"] == "FeatureCollection"
    assert isinstance(data["features"], list)
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        longitude, latitude = geometry["coordinates"]
        assert all(isinstance(n, float) for n in (longitude, latitude))
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert in_france(latitude, longitude)  # longitude first, as GeoJSON says
        assert isinstance(feature["properties"], dict)
        assert feature["properties"]["url"].startswith("/catalyseurs/")


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"metier": "accompagnement"},
        {"territoire": "R32"},
        {"profil": "collectivites", "territoire": "94"},
    ],
)
def test_geojson_holds_exactly_the_filtered_published_located_catalyseurs(client, demo_catalyseurs, params):
    draft = demo_catalyseurs.first()
    draft.status = Catalyseur.Status.DRAFT
    draft.save()
    response = client.get("/catalyseurs/carte.geojson", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert_valid_feature_collection(data)
    listed = {
        c.slug for c in client.get("/catalyseurs/", {**params, "page": 1}).context["listing"].filterset.qs
    }
    located = set(
        Catalyseur.objects.filter(slug__in=listed, status=Catalyseur.Status.PUBLISHED)
        .exclude(latitude=None)
        .values_list("slug", flat=True)
    )
    urls = [feature["properties"]["url"] for feature in data["features"]]
    assert len(urls) == len(set(urls))
    assert {url.split("/")[2] for url in urls} == located
    assert draft.slug not in {url.split("/")[2] for url in urls}


def test_national_and_unplaced_catalyseurs_stay_off_the_map(client):
    urls = {
        f["properties"]["url"]
        for f in json.loads(client.get("/catalyseurs/carte.geojson").content)["features"]
    }
    assert "/catalyseurs/infolab-du-crij-orleans/" in urls
    assert "/catalyseurs/reseau-national-de-l-economie-territoriale/" not in urls
    assert "/catalyseurs/microville-112/" not in urls


def test_geojson_is_compressed_for_clients_that_accept_it(client):
    response = client.get("/catalyseurs/carte.geojson", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))["type"] == "FeatureCollection"


def test_geojson_of_5000_catalyseurs_stays_under_1_mb_compressed(client):
    create_demo_catalyseurs(5000, random.Random(17))
    response = client.get("/catalyseurs/carte.geojson", HTTP_ACCEPT_ENCODING="gzip")
    body = gzip.decompress(response.content)
    assert len(json.loads(body)["features"]) >= 5000
    assert len(response.content) < 1_000_000
