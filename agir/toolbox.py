"""A toolbox of an axe d'outillage, organised by the four entry doors the workshops asked for."""

from odd17.core.models import Kind

EXAMPLE_KIND = "exemple"


def by_door(resources):
    """Split resources into the four doors, the inspiring examples, and the rest.

    Returns {"doors": [(door, [resources])] in the order of Kind.Door, "examples": […],
    "others": […]}: examples are told apart from the Témoignages door since the axis page
    presents them as stories.
    """
    doors = {door: [] for door in Kind.Door}
    examples, others = [], []
    for resource in resources:
        if resource.kind.slug == EXAMPLE_KIND:
            examples.append(resource)
        elif resource.kind.door:
            doors[Kind.Door(resource.kind.door)].append(resource)
        else:
            others.append(resource)
    return {"doors": list(doors.items()), "examples": examples, "others": others}
