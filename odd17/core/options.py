"""The options of every vocabulary, as filters offer them, cached.

Filters validate submitted values against these lists and facets take their labels from them, so
a list page reads no vocabulary table while the cache is warm. Any save or delete of a vocabulary
row bumps the content's version, which retires the cached lists at once where the cache
is shared (Redis in production); a per-process cache also lets them expire after TIMEOUT.
The version is the vocabularies' (freshness.py).
"""

from dataclasses import dataclass

from django.utils.text import slugify
from taggit.models import Tag

from . import freshness
from .models import (
    Axis,
    Criterion,
    Domain,
    Goal,
    Kind,
    Metier,
    Organisation,
    Profile,
    Resource,
    Rubrique,
    Target,
    Territory,
)

TIMEOUT = 300
CRITERIA = list(Criterion.values)  # the critères in the specification's order, not the alphabet's


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    group: str = ""


def _territories():
    rows = list(Territory.objects.order_by("level", "name"))
    regions = {row.pk: row.name for row in rows if row.level == Territory.Level.REGION}
    groups = {Territory.Level.PAYS: "France", Territory.Level.REGION: "Régions"}
    return [
        Option(row.code, str(row), groups.get(row.level) or f"Départements : {regions[row.parent_id]}")
        for row in sorted(rows, key=lambda row: (row.level, regions.get(row.parent_id, ""), row.insee_code))
    ]


def _rubriques():
    rows = list(Rubrique.objects.order_by("axis", "order", "title"))
    titles = {row.pk: row.title for row in rows}
    ordered = []
    for row in rows:
        if row.parent_id is None:
            ordered.append(Option(row.slug, row.title, row.get_axis_display()))
            ordered += [
                Option(child.slug, f"{titles[row.pk]} › {child.title}", child.get_axis_display())
                for child in rows
                if child.parent_id == row.pk
            ]
    return ordered


TYPED_TERRITORY = "territoire:saisie"  # not a facet: {slug of a typed name or code: code}
STORY_KINDS = "type:recit"  # not a facet: the slugs of the kinds told as stories (Kind.tells_story)


def typed_territories(territories):
    by_name = {slugify(option.label.split(" (")[0]): option.value for option in territories}
    return by_name | {slugify(option.value): option.value for option in territories}  # codes win


def build():
    """Every option list, read from the database."""
    criteria = dict(Criterion.choices)
    territories = _territories()
    kinds = list(Kind.objects.all())
    return {
        "axe": [Option(axis.value, axis.label) for axis in Axis],
        "rubrique": _rubriques(),
        "porte": [Option(value, label) for value, label in Kind.Door.choices],
        "type": [Option(kind.slug, kind.name) for kind in kinds],
        STORY_KINDS: [kind.slug for kind in kinds if kind.tells_story],
        "profil": [Option(profile.slug, profile.name) for profile in Profile.objects.all()],
        "critere": [Option(value, label) for value, label in Criterion.choices],
        "domaine": [
            Option(domain.slug, domain.name, criteria[domain.criterion])
            for domain in sorted(
                Domain.objects.all(), key=lambda row: (CRITERIA.index(row.criterion), row.order)
            )
        ],
        "territoire": territories,
        TYPED_TERRITORY: typed_territories(territories),
        "odd": [Option(str(goal.number), str(goal)) for goal in Goal.objects.all()],
        "cible": [Option(target.code, f"{target.code} – {target.theme}") for target in Target.objects.all()],
        "format": [Option(value, label) for value, label in Resource.Format.choices],
        "producteur": [Option(org.slug, org.name) for org in Organisation.objects.all()],
        "metier": [Option(metier.slug, metier.name) for metier in Metier.objects.all()],
        "mot_cle": [Option(tag.slug, tag.name) for tag in Tag.objects.order_by("name")],
    }


OPTIONS = freshness.Memo("options", build, scope=freshness.VOCABULARY, timeout=TIMEOUT)


def all_options():
    """The option lists: this process's copy while the vocabularies' version has not moved."""
    return OPTIONS.get()


def options(name):
    return all_options()[name]


def territory_code(typed):
    """The code of a territory typed by code (« 69 », « 2a », « R84 ») or by name (« Rhône »), or None."""
    return all_options()[TYPED_TERRITORY].get(slugify(typed))


def labels(name):
    return {option.value: option.label for option in options(name)}
