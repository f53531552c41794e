"""The pages every axis shares: home, axis and rubrique pages, resource list and detail."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render

from odd17 import search

from . import freshness, global_search, registry, stats
from .filters import ResourceFilter
from .listing import PAGE_SIZE, Listing
from .models import Axis, Kind, Profile, Resource, Rubrique
from .models.vocabularies import AXIS_TAGLINES


def paginate(request, queryset, size=PAGE_SIZE):
    """One page of `queryset` for a page without facets (page numbers out of range are clamped)."""
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def showing(page, slug=None):
    """Rubrique.objects.showing(page, slug), cached until the content changes (None if no rubrique
    shows that page)."""
    return freshness.cached(f"showing:{page}:{slug}", lambda: Rubrique.objects.showing(page, slug) or "")


def section(page, slug=None):
    """The rubrique showing `page`, as the last step of a page's breadcrumb."""
    rubrique = showing(page, slug)
    if not rubrique:
        raise Http404(f"Aucune rubrique ne présente la page « {page} ».")
    return rubrique


def render_listing(request, queryset, template, context, filterset_class=ResourceFilter, **options):
    """A page built around a faceted list of `queryset` (see listing.py for the `options`)."""
    listing = Listing(request.GET, queryset, filterset_class, **options)
    url = listing.redirect_url()
    if url:
        return redirect(f"{request.path}{url}")
    return render(request, template, {**context, "listing": listing})


def axes_overview():
    """The three axes, each with its tagline, count of resources and rubriques tree."""
    tree = stats.rubrique_tree()
    return [
        {
            "axis": axis,
            "tagline": AXIS_TAGLINES[axis],
            "includes": registry.axis_includes(axis),
            "count": count,
            "rubriques": [rubrique for rubrique in tree if rubrique.axis == axis],
        }
        for axis, count in stats.axis_counts().items()
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
        "profiles": stats.profiles_with_counts(),
        "totals": stats.totals(),
        "examples": showing("exemples"),
        "trainings": showing("formations"),
    }
    return render(request, "core/overview.html", context)


def axis_index(request, axis):
    """One axis of C.A.P. 2030: its rubriques (with sub-rubriques and counts)."""
    context = {
        "axis": Axis(axis),
        "tagline": AXIS_TAGLINES[axis],
        "includes": registry.axis_includes(axis),
        "rubriques": stats.rubrique_tree(axis=axis),
        "latest": Resource.objects.published().on_axis(axis).for_cards()[:6],
    }
    return render(request, "core/axis.html", context)


def rubrique_detail(request, axis, slug):
    """A rubrique and the published resources it (or its sub-rubriques) holds.

    A rubrique whose `page` names a page of an app (registry.rubrique_pages) shows that page
    instead: its view is called as view(request, context) with this page's context, and renders a
    template that extends core/rubrique.html.
    """
    rubrique = get_object_or_404(Rubrique.objects.select_related("parent"), axis=axis, slug=slug)
    context = {
        "axis": Axis(axis),
        "rubrique": rubrique,
        "subrubriques": stats.with_counts(rubrique.children.all()),
    }
    if rubrique.page:
        return registry.rubrique_page_view(rubrique.page)(request, context)
    return render_rubrique(request, "core/rubrique.html", context)


def rubrique_resources(context):
    """The published resources of the page's rubrique and of its sub-rubriques."""
    return Resource.objects.published().in_rubrique(context["rubrique"])


def render_rubrique(request, template, context):
    """A rubrique's page ending with its resources as a faceted list (what its count counts)."""
    return render_listing(request, rubrique_resources(context), template, context, hidden=["axe"])


def resource_list(request):
    """Every published resource, filtered by the shared ResourceFilter and paginated."""
    return render_listing(request, Resource.objects.published(), "core/resource_list.html", {})


def resource_detail(request, slug):
    resource = get_object_or_404(Resource.objects.published().for_detail(), slug=slug)
    if resource.get_absolute_url() != request.path:
        return redirect(resource, permanent=True)  # a told example's one address is its story's
    return render(request, "core/resource_detail.html", {"resource": resource})


def search_page(request):
    """The global search: results grouped by type, each group leading to its faceted list."""
    listing = Listing(request.GET, Resource.objects.published())
    groups = global_search.search_groups(listing)
    total = sum(group["count"] for group in groups)
    suggestion = search.suggestion(listing.text) if listing.text and not total else None
    context = {"listing": listing, "groups": groups, "total": total, "suggestion": suggestion}
    return render(request, "core/search.html", context)


def doors(request):
    """The entry doors: by profile, by domain (grouped by critère), by territory, by type."""
    everything = Listing(QueryDict(), Resource.objects.published())
    facets = {facet.name: facet for facet in everything.facets}
    context = {"facets": facets, "doors": Kind.Door.choices}
    return render(request, "core/doors.html", context)


def accessibility(request):
    """The « Déclaration d'accessibilité » (RGAA): conformity, checks done, limits, recourse."""
    return render(request, "core/accessibility.html", {"contact_email": settings.ACCESSIBILITY_EMAIL})
