"""The pages of Comprendre: the ODD and their cibles, the fiches repères, the knowledge bases."""

from django.shortcuts import get_object_or_404, render

from odd17.core.models import Axis, Goal, Resource, Target
from odd17.core.views import paginate, render_rubrique, rubrique_resources, section

from . import fiches


def in_section(page, slug=None):
    """Breadcrumb context of a page that sits inside a rubrique of Comprendre (core.views.section)."""
    return {"axis": Axis.COMPRENDRE, "section": section(page, slug)}


def goals(request, context):
    """Comprendre les ODD: the 17 goals, and ODD 17 as the guide reads it, with its 19 cibles."""
    context |= {
        "goals": Goal.objects.all(),
        "odd17": get_object_or_404(Goal.objects.select_related("guide"), number=17),
        "targets": Target.objects.filter(goal__number=17).select_related("guide"),
    }
    return render_rubrique(request, "comprendre/goals.html", context)


def goal_detail(request, number):
    goal = get_object_or_404(Goal.objects.select_related("guide"), number=number)
    context = {
        **in_section("odd"),
        "goal": goal,
        "targets": goal.targets.select_related("guide"),
        "page": paginate(request, Resource.objects.published().filter(goals=goal).for_cards()),
    }
    return render(request, "comprendre/goal_detail.html", context)


LIST_LIMIT = 30  # the rest is one click away: the resource list filtered by this cible


def target_detail(request, code):
    """A cible: its official title, what it means for a territory, its tools and examples."""
    target = get_object_or_404(Target.objects.select_related("goal", "guide"), code=code)
    resources = Resource.objects.published().filter(targets=target).for_cards()
    context = {
        **in_section("odd"),
        "target": target,
        "tools": resources.tools()[:LIST_LIMIT],
        "examples": resources.examples()[:LIST_LIMIT],
    }
    return render(request, "comprendre/target_detail.html", context)


def fiches_index(request, context):
    """Fiches repères (or one of its three sub-rubriques): the fiches of the triptych."""
    facet = fiches.FACET_OF_RUBRIQUE.get(context["rubrique"].slug)
    facets = [facet] if facet else list(fiches.FACETS.values())
    context |= {
        "facets": [(f, [(entry, f.url(entry)) for entry in f.entries()]) for f in facets],
        "domains_by_criterion": fiches.domains_by_criterion() if fiches.FACETS["domaines"] in facets else [],
    }
    return render_rubrique(request, "comprendre/fiches_index.html", context)


def fiche(request, facet, key):
    facet = fiches.FACETS[facet]
    entry = facet.get(key)
    context = {
        **in_section("fiches", facet.rubrique_slug),
        "facet": facet,
        "entry": entry,
        **fiches.fiche(facet, entry),
    }
    return render(request, "comprendre/fiche.html", context)


def knowledge_bases(request, context):
    """Bases de connaissance: each base with the question it answers and what one can search."""
    context["bases"] = rubrique_resources(context).for_cards().select_related("knowledge_base")
    return render(request, "comprendre/knowledge_bases.html", context)
