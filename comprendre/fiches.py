"""The fiches repères in their triptych Territoires – Acteurs – Domaines: one fiche per domaine,
per profil d'acteur and per région, each gathering what the portal holds on it."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse

from catalyseurs.models import Catalyseur
from odd17.core.models import Criterion, Domain, Profile, Resource, Territory

from .models import KeyFigure

SHOWN = 12  # resources and examples shown on a fiche; the rest is one link away


@dataclass(frozen=True)
class Facet:
    word: str  # in the URL: /comprendre/fiches-reperes-<word>/<key>/
    title: str  # « Fiche repère Acteurs »
    model: type
    key_field: str

    @property
    def rubrique_slug(self):
        return f"fiches-reperes-{self.word}"

    def entries(self):
        """What the facet has a fiche for, in display order."""
        if self.model is Territory:
            return Territory.objects.regions().order_by("name")
        return self.model.objects.all()

    def get(self, key):
        try:
            return self.entries().get(**{self.key_field: key})
        except self.model.DoesNotExist:
            raise Http404(f"Pas de fiche repère « {key} ».") from None

    def url(self, entry):
        return reverse("comprendre:fiche", kwargs={"facet": self.word, "key": getattr(entry, self.key_field)})

    def resources(self, entry):
        """Published resources of this domaine, for this profil, or located in this région."""
        published = Resource.objects.published()
        if self.model is Territory:
            return published.located_in(entry)
        field = "profiles" if self.model is Profile else "domains"
        return published.filter(**{field: entry})

    @property
    def catalyseurs_title(self):
        if self.model is Domain:
            return "Des catalyseurs qui ont produit ou recommandent des ressources de ce domaine"
        return "Des catalyseurs " + (
            "de cette région" if self.model is Territory else "de ce profil d'acteur"
        )

    def catalyseurs(self, entry):
        """Published catalyseurs of this région, of this profil, or tied to resources of this domaine."""
        published = Catalyseur.objects.published().for_links()
        if self.model is Territory:
            return published.located_in(entry)
        if self.model is Profile:
            return published.filter(profile=entry)
        return published.filter(resources__in=self.resources(entry)).distinct()

    def figures(self, entry):
        figures = KeyFigure.objects.public()
        if self.model is Profile:
            return figures.about_profile(entry)
        if self.model is Domain:
            return figures.about_domain(entry)
        return figures.about_territory(entry)


FACETS = {
    facet.word: facet
    for facet in [
        Facet("territoires", "Fiche repère Territoires", Territory, "code"),
        Facet("acteurs", "Fiche repère Acteurs", Profile, "slug"),
        Facet("domaines", "Fiche repère Domaines", Domain, "slug"),
    ]
}
FACET_OF_RUBRIQUE = {facet.rubrique_slug: facet for facet in FACETS.values()}


def domains_by_criterion():
    """[(criterion label, [domains])] in the order of the 4 critères."""
    domains = list(Domain.objects.all())
    return [(label, [d for d in domains if d.criterion == value]) for value, label in Criterion.choices]


def fiche(facet, entry):
    """Everything a fiche shows, each part a bounded query."""
    resources = facet.resources(entry).for_cards()
    examples = resources.examples()
    others = resources.tools()
    counts = resources.order_by().aggregate(
        examples=Count("pk", filter=Q(kind__tells_story=True)), total=Count("pk")
    )
    return {
        "figures": facet.figures(entry),
        "examples": examples[:SHOWN],
        "resources": others[:SHOWN],
        "counts": counts,
        "catalyseurs": facet.catalyseurs(entry)[:SHOWN],
        # The directory filters by territory and profile (not by domaine): links to its lists.
        "catalyseur_places": [entry] if facet.model is Territory else [],
        "catalyseur_profile": entry if facet.model is Profile else None,
        "source": Resource.objects.published()
        .select_related("kind")
        .filter(slug=facet.rubrique_slug)
        .first(),
    }
