"""Counts of published resources shown on the overview pages (home, axes, vue d'ensemble).

Each is one grouped query, cached until the content changes: at 100 000 resources a count per
rubrique or per profile and axis is too slow to redo on every visit.
"""

from django.db.models import Count

from . import facet_index, freshness
from .models import Axis, Profile, Resource, Rubrique


def _published_counts():
    counts, _ = facet_index.counts(Resource.objects.published(), only=["axe", "rubrique"])
    return {"axe": counts["axe"], "rubrique": counts["rubrique"]}


def published_counts():
    """{"axe": {axis: n}, "rubrique": {slug: n (sub-rubriques included)}}."""
    return freshness.cached("stats:published", _published_counts)


def with_counts(rubriques):
    """The rubriques, each with `count` set."""
    counts = published_counts()["rubrique"]
    rubriques = list(rubriques)
    for rubrique in rubriques:
        rubrique.count = counts.get(rubrique.slug, 0)
    return rubriques


def rubrique_tree(**filters):
    """Top-level rubriques (filtered, e.g. axis=…) with `subrubriques` and `count` set."""
    return Rubrique.objects.filter(**filters).as_tree(with_counts)


def axis_counts():
    counts = published_counts()["axe"]
    return {axis: counts.get(axis.value, 0) for axis in Axis}


def _profile_axis_counts():
    links = Resource.profiles.through.objects.filter(resource__in=Resource.objects.published().values("pk"))
    rows = (
        links.values_list("profile__slug", "resource__rubriques__axis")
        .annotate(n=Count("resource", distinct=True))
        .order_by()
    )
    return {(slug, axis): number for slug, axis, number in rows}


def profiles_with_counts():
    """Every profile with `count_<axis>`: its published resources in each axis."""
    counts = freshness.cached("stats:profiles", _profile_axis_counts)
    profiles = list(Profile.objects.all())
    for profile in profiles:
        for axis in Axis:
            setattr(profile, f"count_{axis.value}", counts.get((profile.slug, axis.value), 0))
    return profiles


def totals():
    return freshness.cached("stats:totals", lambda: Resource.objects.published().totals())
