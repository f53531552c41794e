"""French plurals wherever a count is shown: 0 and 1 take the singular."""

import re

import pytest
from django.conf import settings
from django.template import Context, Template

from odd17.core.templatetags.french import pluralize_fr


@pytest.mark.parametrize(
    ("count", "ending"),
    [
        (0, ""),
        (1, ""),
        (1.5, ""),
        ("1", ""),
        (2, "s"),
        ("12", "s"),
        (-1, ""),
        ([], ""),
        ([1, 2], "s"),
        (None, ""),
    ],
)
def test_zero_and_one_take_the_singular(count, ending):
    assert pluralize_fr(count) == ending


def test_both_endings_can_be_given():
    rendered = Template(
        "{% load french %}{{ a }} journ{{ a|pluralize_fr:'al,aux' }}, "
        "{{ b }} journ{{ b|pluralize_fr:'al,aux' }}"
    )
    assert rendered.render(Context({"a": 0, "b": 3})) == "0 journal, 3 journaux"


def test_no_template_uses_the_english_plural():
    """Django's `pluralize` writes « 0 résultats »: every count goes through `pluralize_fr`."""
    found = [
        f"{path.relative_to(settings.BASE_DIR)}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in sorted((settings.BASE_DIR / "templates").rglob("*.html"))
        for text in [path.read_text()]
        for match in re.finditer(r"\|\s*pluralize\b(?!_fr)", text)
    ]
    assert found == []


@pytest.mark.django_db
def test_a_search_finding_nothing_says_0_resultat(client):
    html = client.get("/recherche/", {"q": "xylophagezzz"}).content.decode()
    assert "0 résultat pour" in html and "0 résultats" not in html


@pytest.mark.django_db
def test_a_list_with_one_item_says_it_in_the_singular(client):
    html = client.get("/catalyseurs/", {"q": "infolab orleans"}).content.decode()
    assert "1 catalyseur<" in html
