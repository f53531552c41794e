"""The global search page's groups: resources by type, then what other apps register.

Each group is {"label", "count", "items" (the first few), "url" (its full, faceted list),
"item_template"}. The resource groups cost what the search's list costs (its ids and ranks, the
facet index's sets giving each group's count), then the first items of every group at once (a
window function, over the few results ranked high enough to be shown when sorted by relevance)
and their producers.
"""

from urllib.parse import urlencode

from django.db.models import Case, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from odd17 import search

from . import options, registry
from .facet_index import key
from .idset import IdSet
from .listing import among, leaders
from .models import Resource

SHOWN = 5


def kind_groups():
    """[(label, slugs of its kinds)]; the first group (None) takes every kind the others do not."""
    return [
        ("Ressources", None),
        ("Exemples inspirants", options.options(options.STORY_KINDS)),
        ("Événements", ["evenement"]),
    ]


def _members(listing, groups):
    """{group label: its results (IdSet)}."""
    tally = listing.tally
    (first_label, _), *others = groups
    kinds = {label: tally.holders(key("type", kind) for kind in kinds or []) for label, kinds in others}
    first = tally.matched - IdSet.union(kinds.values())  # the first group takes the kinds the others do not
    return {first_label: first} | {label: members & tally.matched for label, members in kinds.items()}


def group_query(listing, kinds, groups):
    """The query of the list holding exactly one of `groups`' results: the search's filters and the
    group's kinds (`None`: every kind the other groups do not take), among the kinds asked if any."""
    taken = {kind for _, named in groups for kind in named or []}
    kinds = kinds or [option.value for option in options.options("type") if option.value not in taken]
    asked = listing.selected("type")
    pairs = [(name, value) for name, value in listing.canonical_query if name != "type"]
    return pairs + [("type", kind) for kind in kinds if not asked or kind in asked]


def resource_groups(listing):
    matching, text, groups = listing.filterset.qs, listing.text, kind_groups()
    group_of_kind = {kind: label for label, kinds in groups for kind in kinds or []}
    group = Case(
        *(When(kind__slug=kind, then=Value(label)) for kind, label in group_of_kind.items()),
        default=Value(groups[0][0]),
    )
    members = _members(listing, groups)
    counts = {label: len(results) for label, results in members.items()}
    if listing.ranks is not None:  # the window below then ranks only what can be shown
        candidates = [
            pk for results in members.values() for pk in leaders(results.keep(listing.ranks), SHOWN)
        ]
        matching = among(matching, candidates)
    ranked = matching.annotate(
        group=group, group_rank=Window(RowNumber(), partition_by=[group], order_by=matching.query.order_by)
    ).filter(group_rank__lte=SHOWN)
    items = list(ranked.for_cards())
    found = search.excerpts(Resource, [item.pk for item in items], text)
    shown_groups = []
    for label, kinds in groups:
        query = urlencode(group_query(listing, kinds, groups))
        shown = [item for item in items if item.group == label]
        for item in shown:
            item.excerpt = found.get(item.pk)
        shown_groups.append(
            {
                "label": label,
                "count": counts[label],
                "items": shown,
                "url": f"{reverse('core:resource_list')}?{query}",
                "item_template": "core/search_item.html",
            }
        )
    return shown_groups


def search_groups(listing):
    if not listing.text:
        return []
    return resource_groups(listing) + [section(listing.text) for section in registry.search_sections()]
