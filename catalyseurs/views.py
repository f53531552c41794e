from django.shortcuts import render

from odd17.core.models import Metier


def metiers(request):
    """The 4 métiers de la catalyse territoriale, as curated in the admin."""
    return render(request, "catalyseurs/index.html", {"metiers": Metier.objects.all()})
