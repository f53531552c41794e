"""The real content: vocabularies complete, loading idempotent and all-or-nothing, URLs honest."""

import json
import re
from collections import Counter

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from odd17.core.content import load_content
from odd17.core.models import (
    Criterion,
    Domain,
    Goal,
    Metier,
    Organisation,
    Resource,
    Rubrique,
    Target,
    Territory,
)
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db
SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"
ALL_MODELS = [Domain, Goal, Metier, Organisation, Resource, Rubrique, Target, Territory]


def counts():
    return {model.__name__: model.objects.count() for model in ALL_MODELS}


def test_loading_twice_creates_no_duplicate():
    before = counts()
    call_command("load_content")
    assert counts() == before
    assert Resource.objects.count() > 60


def test_taxonomy_counts():
    assert Goal.objects.count() == 17
    assert Target.objects.filter(goal__number=17).count() == 19
    assert Domain.objects.count() == 16
    assert Counter(Domain.objects.values_list("criterion", flat=True)) == {
        Criterion.ECONOMIQUE: 3,
        Criterion.SOCIAL: 5,
        Criterion.SOCIETAL: 6,
        Criterion.ENVIRONNEMENTAL: 2,
    }
    assert Territory.objects.regions().count() == 18
    assert Territory.objects.departements().count() == 101
    assert Metier.objects.count() == 4
    assert Rubrique.objects.get(slug="axes-d-outillage").children.count() == 6


def test_territory_hierarchy_uses_insee_codes():
    rhone = Territory.objects.get(code="69")
    assert (rhone.parent.code, rhone.parent.parent.code, rhone.parent.parent.parent) == ("R84", "FR", None)
    assert Territory.objects.get(code="2A").parent.name == "Corse"
    assert Territory.objects.get(code="974").parent.code == "R04"


def test_every_rubrique_of_the_specification_is_seeded():
    tops = {
        axis: list(Rubrique.objects.filter(axis=axis, parent=None).values_list("slug", flat=True))
        for axis in ("comprendre", "agir", "perenniser")
    }
    assert tops["comprendre"] == ["comprendre-les-odd", "fiches-reperes", "bases-de-connaissance"]
    assert {"axes-d-outillage", "exemples-inspirants", "parcours-adoc"} <= set(tops["agir"])
    assert tops["perenniser"] == ["se-former", "se-faire-accompagner", "capitaliser-avec-la-recherche"]


def test_every_resource_is_classified_and_summarised():
    for resource in Resource.objects.prefetch_related("rubriques"):
        assert resource.rubriques.exists(), resource.slug
        assert resource.summary.strip(), resource.slug


# An address the layout broke after a slash, its last part alone on a line (a blank line between).
SPLIT_URL = re.compile(r"(https?://\S+/)[ \t]*\n(?:[ \t]*\n)?[ \t]*([a-z0-9][a-z0-9-]*[a-z0-9])[ \t]*$", re.M)


def seed_corpus():
    """The seeds' text, and the addresses their layout split over two lines, joined."""
    corpus = "\n".join(path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt"))
    corpus = corpus.replace("\\_", "_")  # markdown escapes in the seeds
    return corpus + "\n" + "\n".join(start + end for start, end in SPLIT_URL.findall(corpus))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside the repository")
def test_every_url_stands_verbatim_in_the_seeds():
    """Content is real: no URL of a resource or an organisation is invented."""
    corpus = seed_corpus()
    urls = list(Resource.objects.exclude(url="").values_list("url", flat=True))
    urls += list(Organisation.objects.exclude(url="").values_list("url", flat=True))
    assert urls
    missing = [url for url in urls if url not in corpus]
    assert missing == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside the repository")
def test_addresses_split_by_the_layout_are_given_joined():
    """The proceedings print the 6th Rencontre's page over two lines: the event and its replay link to it."""
    corpus = "\n".join(path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt"))
    joined = [start + end for start, end in SPLIT_URL.findall(corpus)]
    page = "https://innovationterritoriale.plateformecapitalisation.org/6eme-rencontre-des-pionniers-des-alliances-en-territoire"
    assert joined == [page]
    rencontre = [
        "6e-rencontre-des-pionniers-des-alliances-en-territoire",
        "replay-6e-rencontre-des-pionniers",
    ]
    assert dict(Resource.objects.filter(slug__in=rencontre).values_list("slug", "url")) == dict.fromkeys(
        rencontre, page
    )


def write_fixtures(directory, resources):
    for path in FIXTURES.glob("*.json"):
        if not path.name.startswith("resources"):
            (directory / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (directory / "resources.json").write_text(json.dumps(resources), encoding="utf-8")


def test_a_bad_row_saves_nothing_and_says_where_in_french(tmp_path):
    good = {"slug": "nouvelle-ressource", "title": "Nouvelle", "summary": "Résumé.", "kind": "guide"}
    bad = {
        "slug": "mauvaise",
        "title": "Mauvaise",
        "summary": "Résumé.",
        "kind": "guide",
        "profiles": ["martiens"],
    }
    write_fixtures(tmp_path, [good, bad])
    with pytest.raises(
        CommandError, match=r"resources.json, élément 2 \(mauvaise\) : profil d'acteur « martiens »"
    ):
        call_command("load_content", directory=tmp_path)
    assert not Resource.objects.filter(slug="nouvelle-ressource").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "JSON invalide ligne 1"),
        ('{"slug": "x"}', "doit contenir une liste"),
        ('[{"title": "sans identifiant"}]', "avec la clé « slug »"),
        (
            '[{"slug": "x", "title": "X", "summary": "R", "kind": "guide", "couleur": "bleu"}]',
            "champ « couleur » inconnu",
        ),
        (
            '[{"slug": "x", "title": "X", "summary": "R", "kind": "guide", "url": "pas une url"}]',
            "url : Saisissez",
        ),
    ],
)
def test_broken_files_are_explained(tmp_path, content, message):
    write_fixtures(tmp_path, [])
    (tmp_path / "resources.json").write_text(content, encoding="utf-8")
    with pytest.raises(Exception, match=message):
        load_content(tmp_path)
