"""Public text speaks of the organisation or the resource, never of the seed documents it came from.

Provenance (the seed file and its lines) stays for editors: the `source` fields, shown in the admin.
"""

import json
import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from catalyseurs.models import Catalyseur
from comprendre.fiches import FACETS
from odd17.core.models import Resource, Rubrique, Target
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db

BOOKKEEPING = re.compile(
    "|".join(
        [
            r"\b[\w-]+\.txt\b",  # a seed file's name
            r"\bl\.\s?\d+",  # a line reference: « l. 847-1000 »
            r"\blignes?\s\d+",
            r"\b(?:les|des) actes\b",  # « Les actes de la 6e Rencontre le présentent… »
            r"\bselon (?:le|les) (?:tableau|guide|actes|programme|documents?)\b",
            r"\ble tableau des 4 métiers\b",
            r"\ble guide du comité 21\b[^.]{0,80}?"
            r"\b(?:cite|mentionne|range|rattache|associe|relie|présente|y voit)",
            r"\bcitée?s? (?:parmi|comme|en exemple)",  # « cité parmi les acteurs spécialisés »
            r"\bsignalée?s? parmi\b",
            r"\bdocuments? (?:sources?|scannés?)\b",
            r"\b(?:précisé )?par les sources\b",
            r"\bn'en disent pas davantage\b",
            r"\bseeds?\b",
        ]
    ),
    re.IGNORECASE,
)


def test_the_check_catches_what_it_should():
    caught = [
        "Source : comite21-guide-odd17-collectivites.txt",
        "actes-6e-rencontre-pionniers-ocr.txt, l. 847-1000, 1904-1910",
        "Exemple d'accompagnement dans le Rhône, selon le tableau des 4 métiers de la 6e Rencontre.",
        "Le guide du Comité 21 cite le SSILAB comme exemple de laboratoire d'innovation publique.",
        "Les actes n'en disent pas davantage.",
        "Ministère cité parmi les acteurs spécialisés de l'ODD 17.",
        "Les documents sources du portail ne donnent pas d'adresse en ligne pour cette ressource.",
        "Territoire : non précisé par les sources",
    ]
    allowed = [
        "Présenté lors de la 6e Rencontre des pionniers des alliances en Territoire, le 8 juillet 2020.",
        "Chiffres cités par la déléguée générale du Mouvement associatif.",
        "Ce guide associe élus et entreprises ; le guide du Comité 21 traite cette cible.",
        "Selon le territoire, les quatre métiers peuvent être portés par un même acteur.",
    ]
    assert [text for text in caught if not BOOKKEEPING.search(text)] == []
    assert [text for text in allowed if BOOKKEEPING.search(text)] == []


def texts(node, where):
    """(where, text) for every public string of a fixture row: all but its `source`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "source":
                yield from texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, f"{where}[{index}]")
    elif isinstance(node, str):
        yield where, node


def found_in(where, text):
    return [f"{where}: « {match.group()} »" for match in BOOKKEEPING.finditer(text)]


def test_no_fixture_text_speaks_of_the_seed_documents():
    found = []
    for path in sorted(FIXTURES.glob("*.json")):
        for index, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            name = row.get("slug") or row.get("code") or row.get("resource") or row.get("goal") or index
            for where, text in texts(row, f"{path.name} {name}"):
                found += found_in(where, text)
    assert not found, "\n".join(found)


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return strip_tags(html)


def test_no_public_page_of_a_resource_or_a_catalyseur_shows_provenance(client):
    urls = ["/catalyseurs/", "/catalyseurs/metiers/"]
    urls += [rubrique.get_absolute_url() for rubrique in Rubrique.objects.all()]
    urls += [
        reverse("comprendre:target", args=[code]) for code in Target.objects.values_list("code", flat=True)
    ]
    urls += [facet.url(entry) for facet in FACETS.values() for entry in list(facet.entries())[:5]]
    for resource in Resource.objects.published().select_related("story"):
        urls.append(resource.get_absolute_url())
        if hasattr(resource, "story"):
            urls.append(resource.story.get_absolute_url())
    urls += [catalyseur.get_absolute_url() for catalyseur in Catalyseur.objects.published()]
    found = [line for url in urls for line in found_in(url, page_text(client, url))]
    assert not found, "\n".join(found)


def test_provenance_stays_for_editors_in_the_admin(staff_client):
    catalyseur = Catalyseur.objects.get(slug="territoire-paris-est-marne-bois")
    assert "actes-6e-rencontre-pionniers-ocr.txt" in catalyseur.source
    html = staff_client.get(f"/admin/catalyseurs/catalyseur/{catalyseur.pk}/change/").content.decode()
    assert catalyseur.source in html
    resource = Resource.objects.exclude(source="").first()
    html = staff_client.get(f"/admin/core/resource/{resource.pk}/change/").content.decode()
    assert resource.source in html
