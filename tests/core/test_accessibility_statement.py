"""The « Déclaration d'accessibilité » (RGAA): what it must say, and that every page links to it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_statement_says_what_the_rgaa_asks(client, settings):
    settings.ACCESSIBILITY_EMAIL = "accessibilite@example.org"
    response = client.get("/accessibilite/")
    assert response.status_code == 200
    html = response.content.decode()
    for part in [
        "<h1>Déclaration d'accessibilité</h1>",
        "article 47 de la loi n° 2005-102",
        "État de conformité",
        "<strong>non conforme</strong>",
        "RGAA), version 4.1.2",
        "axe-core",
        "WCAG 2.1 niveaux A et AA",
        "navigation au clavier seul",
        "Nu Html Checker",
        "Limites connues",
        'href="mailto:accessibilite@example.org"',
        "Défenseur des droits",
        "Libre réponse 71120, 75342 Paris CEDEX 07",
        '<time datetime="2026-11-23">',
    ]:
        assert part in html, part


def test_every_page_links_to_the_statement_with_its_conformity(client):
    url = reverse("core:accessibility")
    for page in ["/", "/ressources/", "/nulle-part/", url]:
        assert f'<a href="{url}">Accessibilité : non conforme</a>' in client.get(page).content.decode(), page
