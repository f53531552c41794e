"""The conventions of DESIGN.md that a test can check."""

import re
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.urls import path as route
from django.urls import resolve

import odd17.urls
from odd17.core.models import Resource, Rubrique
from tests.browser.pages import (
    EXAMPLES,
    NOT_PAGES,
    page_types,
    patterns_without_example,
    status,
    url_patterns,
)

pytestmark = pytest.mark.django_db


def public_urls():
    """Every page type, and every rubrique and some resources of the real content."""
    urls = list(page_types().values())
    urls += [rubrique.get_absolute_url() for rubrique in Rubrique.objects.all()]
    urls += [resource.get_absolute_url() for resource in Resource.objects.published()[:20]]
    return list(dict.fromkeys(urls))


# One list of page types, found from the URL resolver (tests/browser/pages.py).


def test_every_url_pattern_has_a_page_type():
    missing = patterns_without_example()
    assert not missing, (
        f"URL patterns without an example page: {missing}. Add one to EXAMPLES in tests/browser/pages.py "
        "(real slugs from fixtures/), or to NOT_PAGES with the reason if it serves no HTML page."
    )


def test_every_page_type_answers_a_french_html_page_with_its_status(client):
    for name, url in page_types().items():
        response = client.get(url)
        assert response.status_code == status(name), name
        assert response["Content-Type"] == "text/html; charset=utf-8", name


def test_the_list_names_no_url_that_is_gone():
    names = {view_name for view_name, _ in url_patterns()}
    assert set(NOT_PAGES) <= names | {name.split(":")[0] for name in names}
    for url in EXAMPLES.values():
        resolve(url.split("?")[0])  # Resolver404 if the example no longer has a pattern


urlpatterns = [
    *odd17.urls.urlpatterns,
    route("nouveautes/", lambda request: None, name="news"),
    route("nouveautes/<slug:slug>/", lambda request: None, name="news_item"),
]


def test_a_new_url_is_checked_without_anyone_adding_it_to_a_list(settings):
    settings.ROOT_URLCONF = __name__  # the project's URLs, and the two above
    assert page_types()["news"] == "/nouveautes/"  # no parameter: its page is a page type at once
    assert patterns_without_example() == ["news_item"]  # a parameter: it needs an example


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
