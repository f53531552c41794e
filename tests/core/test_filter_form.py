"""One filter form for every list: it renders any facets, and its limits are the code's."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from odd17 import search
from odd17.core.filters import YEAR_BOUNDS

pytestmark = pytest.mark.django_db
TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_no_template_restates_a_limit_of_the_code():
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'\b(maxlength|minlength|min|max)="\d', text), path.name


@pytest.mark.parametrize("url", ["/ressources/", "/catalyseurs/", "/perenniser/se-former/", "/recherche/"])
def test_text_inputs_carry_the_search_length_of_the_code(client, url):
    html = client.get(url).content.decode()
    inputs = re.findall(r'<input[^>]*name="q"[^>]*>', html)
    assert inputs and all(f'maxlength="{search.MAX_LENGTH}"' in tag for tag in inputs), inputs


def test_year_inputs_carry_the_bounds_of_the_code(client):
    html = client.get("/ressources/").content.decode()
    for name in ("annee_min", "annee_max"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group()
        assert f'min="{YEAR_BOUNDS["min_value"]}"' in tag and f'max="{YEAR_BOUNDS["max_value"]}"' in tag


def test_the_directory_and_the_resources_share_one_form(client):
    """The same template renders the catalyseurs' facets and the resources'."""
    for url, facet in (("/catalyseurs/", "metier"), ("/ressources/", "profil")):
        html = client.get(url).content.decode()
        assert re.search(rf'<input type="checkbox" name="{facet}" value="[^"]+" id="{facet}-', html), url
        assert 'id="titre-filtres"' in html
