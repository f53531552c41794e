"""The directory's facets: counts equal direct ORM counts under the other filters, on any database."""

import re

import pytest
from django.db.models import Q
from django.http import QueryDict

from catalyseurs.filters import CatalyseurFilter
from catalyseurs.models import Catalyseur
from odd17 import search
from odd17.core.listing import Listing
from odd17.core.models import Territory

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "metier=accompagnement",
    "metier=accompagnement&metier=gestion-d-un-lieu",
    "profil=associations&profil=collectivites",
    "territoire=45",
    "territoire=R32",
    "territoire=59&territoire=R24",
    "metier=dialogue-territorial&territoire=94&profil=collectivites",
    "q=reseau&metier=accompagnement",
    "q=Réseau national&territoire=R84&profil=accompagnateurs",
]


def territory_codes(code):
    """The codes a territory choice covers, spelled out independently of the model's rule."""
    territory = Territory.objects.get(code=code)
    if territory.level == Territory.Level.DEPARTEMENT:
        return {code, territory.parent.code, "FR"}
    if territory.level == Territory.Level.REGION:
        return {code, "FR"} | set(territory.children.values_list("code", flat=True))
    return set(Territory.objects.values_list("code", flat=True))  # France: everywhere


def orm_queryset(params):
    """The published catalyseurs matching `params` (a dict of lists), written with plain lookups."""
    queryset = Catalyseur.objects.filter(status=Catalyseur.Status.PUBLISHED)
    for name, values in params.items():
        if not values:
            continue
        if name == "metier":
            queryset = queryset.filter(roles__metier__slug__in=values)
        elif name == "profil":
            queryset = queryset.filter(profile__slug__in=values)
        elif name == "territoire":
            codes = set().union(*(territory_codes(code) for code in values))
            queryset = queryset.filter(territory__code__in=codes)
        elif name == "q":
            condition = Q()
            for word in search.normalize(values[0]).split():
                condition &= Q(search_text__contains=word)
            queryset = queryset.filter(condition)
    return queryset.distinct()


@pytest.mark.parametrize("query", QUERIES)
def test_facet_counts_equal_direct_orm_counts(demo_catalyseurs, query):
    data = QueryDict(query)
    params = {name: data.getlist(name) for name in data}
    listing = Listing(data, Catalyseur.objects.published(), CatalyseurFilter)
    assert listing.filterset.is_valid(), listing.filterset.errors
    assert listing.count == listing.filterset.qs.count() == orm_queryset(params).count()
    for facet in listing.facets:
        assert facet.options, facet.name
        for option in facet.options:
            # This option alone in its facet, every other active filter kept.
            expected = orm_queryset({**params, facet.name: [option.value]})
            assert option.count == expected.count(), (facet.name, option.value)
            assert option.disabled == (option.count == 0 and not option.selected)


def test_empty_options_are_shown_disabled_and_selected_ones_stay_usable(client):
    html = client.get("/catalyseurs/", {"territoire": "45"}).content.decode()
    # No catalyseur has the « citoyens » profile: the option is there, disabled.
    assert re.search(r"id=\"profil-citoyens\"[^>]* disabled", html)
    assert '<option value="45" selected>' in html


def test_chips_remove_one_value_and_keep_the_others(client):
    response = client.get(
        "/catalyseurs/",
        {"metier": ["accompagnement", "dialogue-territorial"], "territoire": "45", "page": "1"},
    )
    chips = {chip.label: chip.remove_url for chip in response.context["chips"]}
    assert set(chips) == {
        "Métier : Accompagnement",
        "Métier : Dialogue territorial",
        "Territoire : Loiret (45)",
    }
    removed = QueryDict(chips["Métier : Accompagnement"][1:])
    assert removed.getlist("metier") == ["dialogue-territorial"] and removed["territoire"] == "45"
    assert "page" not in removed
    html = response.content.decode()
    assert "Effacer tous les filtres" in html


def test_several_values_of_one_facet_widen_and_facets_combine_narrow(client):
    def count(**params):
        return client.get("/catalyseurs/", params).context["listing"].page.paginator.count

    one = count(metier="gestion-d-un-lieu")
    both = count(metier=["gestion-d-un-lieu", "experimentations-collectives"])
    narrowed = count(metier=["gestion-d-un-lieu", "experimentations-collectives"], profil="associations")
    assert 0 < one < both and 0 < narrowed < both


def test_pagination_keeps_the_filters(client, demo_catalyseurs):
    html = client.get(
        "/catalyseurs/",
        {
            "metier": "accompagnement",
            "profil": [
                "associations",
                "entreprises",
                "fondations",
                "collectivites",
                "institutions",
                "academiques",
                "accompagnateurs",
            ],
        },
    ).content.decode()
    assert 'rel="next"' in html
    next_link = html.split('rel="next"')[0].rsplit('href="', 1)[1]
    assert "metier=accompagnement" in next_link and "page=2" in next_link
