"""The options of every vocabulary, as filters offer them, cached.

Filters validate submitted values against these lists and facets take their labels from them, so
a list page reads no vocabulary table while the cache is warm. Any save or delete of a vocabulary
row bumps the content's version, which retires the cached lists at once where the cache
is shared (Redis in production); a per-process cache also lets them expire after TIMEOUT.
The version is the vocabularies' (freshness.py).
"""

from dataclasses import dataclass

from django.core.cache import cache
from taggit.models import Tag

from . import freshness
from .models import (
    Axis,
    Criterion,
    Domain,
    Goal,
    Kind,
    Organisation,
    Profile,
    Resource,
    Rubrique,
    Target,
    Territory,
)

TIMEOUT = 300


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


def build():
    """Every option list, read from the database."""
    criteria = dict(Criterion.choices)
    return {
        "axe": [Option(axis.value, axis.label) for axis in Axis],
        "rubrique": _rubriques(),
        "porte": [Option(value, label) for value, label in Kind.Door.choices],
        "type": [Option(kind.slug, kind.name) for kind in Kind.objects.all()],
        "profil": [Option(profile.slug, profile.name) for profile in Profile.objects.all()],
        "critere": [Option(value, label) for value, label in Criterion.choices],
        "domaine": [
            Option(domain.slug, domain.name, criteria[domain.criterion])
            for domain in Domain.objects.order_by("criterion", "order")
        ],
        "territoire": _territories(),
        "odd": [Option(str(goal.number), str(goal)) for goal in Goal.objects.all()],
        "cible": [Option(target.code, f"{target.code} – {target.theme}") for target in Target.objects.all()],
        "format": [Option(value, label) for value, label in Resource.Format.choices],
        "producteur": [Option(org.slug, org.name) for org in Organisation.objects.all()],
        "mot_cle": [Option(tag.slug, tag.name) for tag in Tag.objects.order_by("name")],
    }


def all_options():
    key = f"options:{freshness.current(freshness.VOCABULARY)}"
    options = cache.get(key)
    if options is None:
        options = build()
        cache.set(key, options, TIMEOUT)
    return options


def options(name):
    return all_options()[name]


def labels(name):
    return {option.value: option.label for option in options(name)}
