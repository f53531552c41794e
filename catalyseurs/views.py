"""The directory of catalyseurs territoriaux, its map and GeoJSON, a card per catalyseur with its
« Solliciter un pair » form, and the page of the 4 métiers."""

import json

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from odd17.core.models import Metier
from odd17.core.views import render_listing

from . import contact
from .filters import CatalyseurFilter
from .forms import PeerRequestForm
from .models import Catalyseur

EXAMPLE_ORGANISATION = "territoire-paris-est-marne-bois"  # the proceedings' example of the 4 métiers combined


def filtered(request, template, extra=None):
    """The published catalyseurs filtered by the request (the shared listing engine), on `template`."""
    queryset = Catalyseur.objects.published()
    return render_listing(request, queryset, template, extra or {}, filterset_class=CatalyseurFilter)


def directory(request):
    """Every published catalyseur, filtered by métier, profile, territory and text."""
    return filtered(request, "catalyseurs/directory.html")


def map_page(request):
    """The same filtered set on a map (Leaflet), with the list below as the accessible alternative."""
    extra = {
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "tile_attribution_url": settings.MAP_TILE_ATTRIBUTION_URL,
    }
    return filtered(request, "catalyseurs/map.html", extra)


def geojson(request):
    """The located catalyseurs of the filtered set, as GeoJSON (what the map draws)."""
    filterset = CatalyseurFilter(request.GET, queryset=Catalyseur.objects.published())
    body = json.dumps(filterset.qs.as_geojson(), ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body, content_type="application/geo+json")


def detail(request, slug, form=None, status=200):
    catalyseur = get_object_or_404(Catalyseur.objects.published().for_detail(), slug=slug)
    context = {
        "catalyseur": catalyseur,
        "resources": catalyseur.resources.published().for_cards(),
        "form": form or PeerRequestForm(),
        "rate_limited": status == 429,
    }
    return render(request, "catalyseurs/detail.html", context, status=status)


@require_POST
def solicit(request, slug):
    """« Solliciter un pair »: check, send by e-mail, confirm; on error, the card again with the form."""
    catalyseur = get_object_or_404(Catalyseur.objects.published(), slug=slug)
    if not catalyseur.contact_email:
        return detail(request, slug, status=404)
    form = PeerRequestForm(request.POST)
    if contact.is_rate_limited(request):
        return detail(request, slug, form=form, status=429)
    if form.is_robot:
        contact.count_attempt(request)
        form.is_valid()
        form.add_error(None, "Votre message n'a pas été envoyé : il ressemble à un envoi automatique.")
        return detail(request, slug, form=form, status=400)
    if not form.is_valid():
        return detail(request, slug, form=form)
    contact.count_attempt(request)
    contact.send_peer_request(catalyseur, form.cleaned_data, request.build_absolute_uri("/"))
    return redirect("catalyseurs:sent", slug=slug)


def sent(request, slug):
    catalyseur = get_object_or_404(Catalyseur.objects.published(), slug=slug)
    return render(request, "catalyseurs/sent.html", {"catalyseur": catalyseur})


def metiers(request):
    """The 4 métiers de la catalyse territoriale, their activities, examples, and how they combine."""
    published = Catalyseur.objects.published()
    metiers = Metier.objects.annotate(
        count=Count("roles", filter=Q(roles__catalyseur__in=published.values("pk")))
    ).order_by(*Metier._meta.ordering)  # a query that groups rows ignores Meta.ordering
    metiers = list(metiers)
    for metier in metiers:  # one small query per métier: the page stays fast with thousands
        metier.examples = list(published.filter(roles__metier=metier).select_related("territory")[:6])
    example = published.for_cards().filter(slug=EXAMPLE_ORGANISATION).first()
    return render(request, "catalyseurs/metiers.html", {"metiers": metiers, "example": example})
