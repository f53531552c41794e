"""The global search page's groups: resources by type, then what other apps register.

Each group is {"label", "count", "items" (the first few), "url" (its full, faceted list),
"item_template"}. The resource groups cost three queries whatever their number: counts per
kind, the first items of every group at once (a window function), and their producers.
"""

from urllib.parse import urlencode

from django.db.models import Case, Count, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from odd17 import search

SHOWN = 5
GROUPS = [  # (label, kinds); the first group takes every kind the others do not
    ("Ressources", None),
    ("Exemples inspirants", ["exemple"]),
    ("Événements", ["evenement"]),
]
SECTIONS = []  # section(text) -> group, registered by other apps from AppConfig.ready()


def register_section(section):
    SECTIONS.append(section)


def resource_groups(listing):
    matching, text = listing.filterset.sorted_qs(), listing.text
    group_of_kind = {kind: label for label, kinds in GROUPS for kind in kinds or []}
    group = Case(
        *(When(kind__slug=kind, then=Value(label)) for kind, label in group_of_kind.items()),
        default=Value(GROUPS[0][0]),
    )
    counts = {label: 0 for label, _ in GROUPS}
    for kind, number in matching.order_by().values_list("kind__slug").annotate(n=Count("pk")):
        counts[group_of_kind.get(kind, GROUPS[0][0])] += number
    ranked = matching.annotate(
        group=group, group_rank=Window(RowNumber(), partition_by=[group], order_by=matching.query.order_by)
    ).filter(group_rank__lte=SHOWN)
    items = list(ranked.for_cards())
    found = search.excerpts([item.pk for item in items], text)
    groups = []
    for label, kinds in GROUPS:
        query = urlencode([("q", text)] + [("type", kind) for kind in kinds or []])
        shown = [item for item in items if item.group == label]
        for item in shown:
            item.excerpt = found.get(item.pk)
        groups.append(
            {
                "label": label,
                "count": counts[label],
                "items": shown,
                "url": f"{reverse('core:resource_list')}?{query}",
                "item_template": "core/search_item.html",
            }
        )
    return groups


def search_groups(listing):
    if not listing.text:
        return []
    return resource_groups(listing) + [section(listing.text) for section in SECTIONS]
