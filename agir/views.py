"""The pages of Agir: the six axes d'outillage, inspiring examples as stories, the kit path."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from catalyseurs.models import Catalyseur
from odd17.core.models import Axis, Organisation, Resource
from odd17.core.views import paginate, rubrique_resources, section

from .models import KitVolet
from .toolbox import by_door, first_of_each_door


def story_cards(queryset):
    """Resources with what a story card shows: its story, territories and key figures."""
    return queryset.for_cards().select_related("story").prefetch_related("territories", "key_figures")


def toolbox(request, context):
    """One axe d'outillage: its récit, its toolbox by entry door, its inspiring examples."""
    resources = story_cards(first_of_each_door(rubrique_resources(context)))
    context |= by_door(resources)
    return render(request, "agir/toolbox.html", context)


def examples(request, context):
    """Exemples inspirants: the stories first, with their territory and first figures."""
    resources = rubrique_resources(context)
    context["page"] = paginate(request, story_cards(resources))
    return render(request, "agir/examples.html", context)


def story_detail(request, slug):
    """An inspiring example told as a story: context, actors, approach, results, figures. It is the
    one page of every published example (Resource.get_absolute_url), its story told or not yet."""
    examples = (
        Resource.objects.published()
        .examples()
        .select_related("kind", "story")
        .prefetch_related(
            Prefetch("producers", queryset=Organisation.objects.select_related("profile")),
            *("territories", "domains", "goals", "targets", "key_figures"),
            Prefetch("story__related", queryset=Resource.objects.published().for_cards()),
        )
    )
    resource = get_object_or_404(examples, slug=slug)
    context = {
        "axis": Axis.AGIR,
        "section": section("exemples"),
        "story": getattr(resource, "story", None),
        "resource": resource,
        "catalyseurs": Catalyseur.objects.published().involved_in(resource).for_links(),
    }
    return render(request, "agir/story.html", context)


def kit(request, context):
    """The kit « L'ODD 17 en pratique » as a guided path through its four volets."""
    published = Resource.objects.published()
    context |= {
        "volets": KitVolet.objects.filter(resource__in=published).select_related(
            "resource__kind", "axis_rubrique"
        ),
        "kits": published.in_rubrique(context["rubrique"]).filter(kit_volet__isnull=True).for_cards(),
    }
    return render(request, "agir/kit.html", context)
