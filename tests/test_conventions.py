"""The conventions of DESIGN.md that a test can check."""

import re
import subprocess
import sys

import pytest
from django.core.management import call_command

from odd17.core.models import Resource, Rubrique

pytestmark = pytest.mark.django_db


def public_urls():
    urls = ["/", "/comprendre/", "/agir/", "/perenniser/", "/catalyseurs/", "/ressources/", "/nulle-part/"]
    urls += ["/catalyseurs/metiers/", "/catalyseurs/carte/", "/catalyseurs/infolab-du-crij-orleans/"]
    urls += [rubrique.get_absolute_url() for rubrique in Rubrique.objects.all()]
    urls += [resource.get_absolute_url() for resource in Resource.objects.published()[:20]]
    return urls


def test_every_page_has_exactly_one_h1_and_landmarks(client):
    for url in public_urls():
        html = client.get(url).content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        assert '<html lang="fr">' in html, url
        assert '<main id="contenu"' in html and 'href="#contenu"' in html, url
        assert "<header" in html and "<footer" in html and 'aria-label="Navigation principale"' in html, url


def test_pages_request_nothing_from_another_site(client):
    for url in public_urls():
        html = client.get(url).content.decode()
        assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', html), url


def test_no_pending_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    env = {"DEBUG": "0", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; from django.conf import settings; settings.SECRET_KEY"],
        env={**env, "DJANGO_SETTINGS_MODULE": "odd17.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY doit être défini" in result.stderr


def test_500_page_is_french_and_standalone(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert '<html lang="fr">' in html and "Une erreur est survenue" in html
