"""The pages of Pérenniser: se former, se faire accompagner, capitaliser avec la recherche."""

from django.db.models import F
from django.shortcuts import render

from odd17.core.views import render_listing, rubrique_resources

from .filters import SHOWN, TrainingFilter
from .models import Accompaniment, Training


def trainings(request, context):
    """Se former: MOOCs and trainings with their details, filtered like every list."""
    queryset = rubrique_resources(context).select_related("training")
    return render_listing(
        request,
        queryset,
        "core/rubrique.html",
        context,
        filterset_class=TrainingFilter,
        shown=SHOWN,
        describe=Training.describe,
    )


def accompaniments(request, context):
    """Se faire accompagner: the offers by the need they answer, for whom and where."""
    resources = rubrique_resources(context).for_cards().select_related("accompaniment")
    resources = resources.prefetch_related("profiles", "territories")
    context["groups"], context["others"] = Accompaniment.group(resources)
    return render(request, "perenniser/accompaniments.html", context)


def research(request, context):
    """Capitaliser avec la recherche: works with their authors, institution and year."""
    resources = rubrique_resources(context).for_cards().select_related("research")
    context["works"] = resources.order_by(F("research__year").desc(nulls_last=True), "title")
    return render(request, "perenniser/research.html", context)
