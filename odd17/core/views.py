"""The pages every axis shares: home, axis and rubrique pages, resource list and detail."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .filters import ResourceFilter
from .models import Axis, Profile, Resource, Rubrique
from .models.vocabularies import AXIS_TAGLINES

PAGE_SIZE = 24


def paginate(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def axes_overview():
    """The three axes, each with its tagline, count of resources and rubriques tree."""
    tree = Rubrique.objects.with_counts().as_tree()
    return [
        {
            "axis": axis,
            "tagline": AXIS_TAGLINES[axis],
            "count": count,
            "rubriques": [rubrique for rubrique in tree if rubrique.axis == axis],
        }
        for axis, count in Resource.objects.published().count_by_axis().items()
    ]


def home(request):
    """C.A.P. 2030 at a glance: the three axes with their rubriques, entry doors, news."""
    published = Resource.objects.published()
    context = {
        "axes_overview": axes_overview(),
        "profiles": Profile.objects.all(),
        "featured": published.filter(featured=True).for_cards()[:6],
        "latest": published.for_cards().order_by("-created_at")[:6],
    }
    return render(request, "core/home.html", context)


def overview(request):
    """The whole platform on one page: axes, rubriques, counts, where to start for each profile."""
    context = {
        "axes_overview": axes_overview(),
        "profiles": Profile.objects.with_counts(),
        "totals": Resource.objects.published().totals(),
    }
    return render(request, "core/overview.html", context)


def axis_index(request, axis):
    """One axis of C.A.P. 2030: its rubriques (with sub-rubriques and counts)."""
    context = {
        "axis": Axis(axis),
        "tagline": AXIS_TAGLINES[axis],
        "rubriques": Rubrique.objects.filter(axis=axis).with_counts().as_tree(),
        "latest": Resource.objects.published().on_axis(axis).for_cards()[:6],
    }
    return render(request, "core/axis.html", context)


def rubrique_detail(request, axis, slug, pages=None):
    """A rubrique and the published resources it (or its sub-rubriques) holds.

    `pages` lets an axis app give some rubriques a page of their own: {slug: view}, where a key
    ending in "/" stands for the sub-rubriques of that rubrique. Such a view is called as
    view(request, context) with this page's context, and renders a template that extends
    core/rubrique.html.
    """
    rubrique = get_object_or_404(Rubrique.objects.select_related("parent"), axis=axis, slug=slug)
    resources = Resource.objects.published().in_rubrique(rubrique).for_cards()
    context = {
        "axis": Axis(axis),
        "rubrique": rubrique,
        "subrubriques": rubrique.children.with_counts(),
        "page": paginate(request, resources),
    }
    pages = pages or {}
    own_page = pages.get(slug) or (rubrique.parent and pages.get(f"{rubrique.parent.slug}/"))
    if own_page:
        return own_page(request, context)
    return render(request, "core/rubrique.html", context)


def resource_list(request):
    """Every published resource, filtered by the shared ResourceFilter and paginated."""
    filterset = ResourceFilter(request.GET, queryset=Resource.objects.published().for_cards())
    context = {"filter": filterset, "page": paginate(request, filterset.qs)}
    return render(request, "core/resource_list.html", context)


def resource_detail(request, slug):
    resource = get_object_or_404(Resource.objects.published().for_detail(), slug=slug)
    return render(request, "core/resource_detail.html", {"resource": resource})
