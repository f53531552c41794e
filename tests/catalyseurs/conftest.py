"""Catalyseurs to test with: the real seeded ones, plus synthetic ones when volume matters."""

import random

import pytest
from django.core.cache import cache

from catalyseurs.demo import create_demo_catalyseurs
from catalyseurs.models import Catalyseur, CatalyseurMetier
from odd17.core.models import Metier, Profile, Territory

ADDRESS = "contact-secret@catalyseur.example"


@pytest.fixture(autouse=True)
def empty_cache():
    """The rate limit lives in the (locmem) cache: every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_catalyseurs(db):
    """Sixty synthetic published catalyseurs over every métier, profile and département."""
    create_demo_catalyseurs(60, random.Random(5))
    return Catalyseur.objects.filter(source="seed_demo")


@pytest.fixture
def reachable(db):
    """A published catalyseur in the Loiret with a contact address."""
    catalyseur = Catalyseur.objects.create(
        name="Catalyseur joignable",
        slug="catalyseur-joignable",
        summary="Un catalyseur de test qui accepte les messages.",
        profile=Profile.objects.get(slug="associations"),
        territory=Territory.objects.get(code="45"),
        contact_email=ADDRESS,
        status=Catalyseur.Status.PUBLISHED,
    )
    CatalyseurMetier.objects.create(catalyseur=catalyseur, metier=Metier.objects.get(slug="accompagnement"))
    return catalyseur
