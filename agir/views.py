"""The pages of Agir: the six axes d'outillage, inspiring examples as stories, the kit path."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from catalyseurs.models import Catalyseur
from odd17.core.models import Axis, Organisation, Resource
from odd17.core.views import paginate, section

from .models import KitVolet, Story
from .toolbox import EXAMPLE_KIND, by_door, first_of_each_door


def story_cards(queryset):
    """Resources with what a story card shows: its story, territories and key figures."""
    return queryset.for_cards().select_related("story").prefetch_related("territories", "key_figures")


def toolbox(request, context):
    """One axe d'outillage: its récit, its toolbox by entry door, its inspiring examples."""
    resources = story_cards(first_of_each_door(Resource.objects.published().in_rubrique(context["rubrique"])))
    context |= by_door(resources)
    return render(request, "agir/toolbox.html", context)


def examples(request, context):
    """Exemples inspirants: the stories first, with their territory and first figures."""
    resources = Resource.objects.published().in_rubrique(context["rubrique"])
    context["page"] = paginate(request, story_cards(resources))
    context["example_kind"] = EXAMPLE_KIND
    return render(request, "agir/examples.html", context)


def story_detail(request, slug):
    """An inspiring example told as a story: context, actors, approach, results, figures."""
    stories = Story.objects.select_related("resource__kind").prefetch_related(
        Prefetch("resource__producers", queryset=Organisation.objects.select_related("profile")),
        "resource__territories",
        "resource__domains",
        "resource__goals",
        "resource__targets",
        "resource__key_figures",
        Prefetch("related", queryset=Resource.objects.published().for_cards()),
    )
    story = get_object_or_404(stories, resource__slug=slug, resource__in=Resource.objects.published())
    context = {
        "axis": Axis.AGIR,
        "section": section("exemples-inspirants"),
        "story": story,
        "resource": story.resource,
        "catalyseurs": Catalyseur.objects.published().involved_in(story.resource).for_links(),
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
