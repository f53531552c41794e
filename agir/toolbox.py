"""A toolbox of an axe d'outillage, organised by the four entry doors the workshops asked for."""

from django.db.models import Case, Count, F, Value, When, Window
from django.db.models.functions import RowNumber

from odd17.core.models import Kind, Resource

EXAMPLES = "exemples"  # the examples' own group, beside the four doors
PER_DOOR = 8  # what a door shows; the whole list is one click away (the filtered resource list)


def first_of_each_door(resources):
    """The first PER_DOOR resources of each door (of the examples, of the kinds without a door),
    each with `door_total`, how many its door holds, in one query."""
    door = Case(When(kind__tells_story=True, then=Value(EXAMPLES)), default=F("kind__door"))
    ranked = resources.annotate(
        door_rank=Window(RowNumber(), partition_by=[door], order_by=[*Resource._meta.ordering, "pk"]),
        door_total=Window(Count("pk"), partition_by=[door]),
    )
    return ranked.filter(door_rank__lte=PER_DOOR)


def by_door(resources):
    """Split resources into the four doors, the inspiring examples, and the rest.

    Returns {"doors": [(door, [resources])] in the order of Kind.Door, "examples": […],
    "others": […]}: examples are told apart from the Témoignages door since the axis page
    presents them as stories.
    """
    doors = {door: [] for door in Kind.Door}
    examples, others = [], []
    for resource in resources:
        if resource.kind.tells_story:
            examples.append(resource)
        elif resource.kind.door:
            doors[Kind.Door(resource.kind.door)].append(resource)
        else:
            others.append(resource)
    return {"doors": list(doors.items()), "examples": examples, "others": others}
