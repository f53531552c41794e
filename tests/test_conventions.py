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


INLINE = {
    "a style attribute": re.compile(r"""\sstyle\s*=\s*["'{]""", re.I),
    "a <style> element": re.compile(r"<style[\s>]", re.I),
    "a <script> without src": re.compile(r"<script(?![^>]*\bsrc\s*=)[^>]*>", re.I),
    "an event handler attribute": re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I),
    "a javascript: URL": re.compile(r"javascript:", re.I),
}


def test_templates_have_no_inline_script_or_style():
    """The Content Security Policy allows neither: styles go in static/css, scripts in static/js."""
    from django.conf import settings

    found = []
    for path in sorted((settings.BASE_DIR / "templates").rglob("*.html")):
        text = path.read_text()
        for what, pattern in INLINE.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(settings.BASE_DIR)}:{line}: {what}")
    assert not found, "\n".join(found)


def test_the_inline_check_catches_what_it_should():
    caught = '<p style="color: red">', "<style>p {}</style>", "<script>alert(1)</script>", '<a onclick="x()">'
    allowed = '<script src="/static/js/site.js" defer></script>', '<p class="lead">', "{% include 'x' only %}"
    assert all(any(p.search(html) for p in INLINE.values()) for html in caught)
    assert not any(p.search(html) for p in INLINE.values() for html in allowed)
