"""Counts of published resources shown on the overview pages (home, axes, vue d'ensemble).

The counts by axis, rubrique and profile come from the facet index over the published resources
(one query for their ids); each figure is cached until the content changes.
"""

from . import facet_index, freshness
from .facet_index import key
from .filters import ResourceFilter
from .models import Axis, Profile, Resource, Rubrique


def _published_tally():
    return facet_index.index_of(ResourceFilter).count(facet_index.ids(Resource.objects.published()))


def _published_counts():
    counts = _published_tally().counts
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
    published = _published_tally()
    return {
        (profile, axis): number
        for profile in Profile.objects.values_list("slug", flat=True)
        for axis in Axis
        if (
            number := len(
                published.matched
                & published.holders([key("profil", profile)])
                & published.holders([key("axe", axis.value)])
            )
        )
    }


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
