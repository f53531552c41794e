"""The one resource model: everything a visitor can find on the portal."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from taggit.managers import TaggableManager

from .. import registry
from ..history import CuratedHistory
from .publishing import Publishable, PublishableQuerySet
from .vocabularies import (
    Domain,
    Goal,
    Kind,
    NaturalKeyManager,
    Organisation,
    Profile,
    Rubrique,
    Target,
    Territory,
)


class ResourceQuerySet(PublishableQuerySet):
    def on_axis(self, axis):
        """Resources placed in at least one rubrique of this axis."""
        through = Resource.rubriques.through.objects.filter(rubrique__axis=axis)
        return self.filter(pk__in=through.values("resource"))

    def in_rubrique(self, *rubriques):
        """Resources of these rubriques or of one of their sub-rubriques."""
        through = Resource.rubriques.through.objects.filter(rubrique__in_scope_of__in=rubriques)
        return self.filter(pk__in=through.values("resource"))

    def covering(self, *territories):
        """Resources for these places, a place containing them (national ones included) or one inside."""
        through = Resource.territories.through.objects.filter(territory__in_scope_of__in=territories)
        return self.filter(pk__in=through.values("resource"))

    def located_in(self, territory):
        """Resources for this place or a place inside it (national ones excluded)."""
        through = Resource.territories.through.objects.filter(
            territory__in=Territory.objects.inside(territory)
        )
        return self.filter(pk__in=through.values("resource"))

    def examples(self):
        """The exemples inspirants: resources of a kind told as a story (Kind.tells_story)."""
        return self.filter(kind__tells_story=True)

    def tools(self):
        """Everything but the exemples inspirants."""
        return self.exclude(kind__tells_story=True)

    def totals(self):
        """{"resources", "examples", "organisations"}: how much the portal holds, in one query."""
        return self.aggregate(
            resources=models.Count("pk", distinct=True),
            examples=models.Count("pk", filter=Q(kind__tells_story=True), distinct=True),
            organisations=models.Count("producers", distinct=True),
        )

    def for_detail(self):
        """Everything the detail page shows, in a fixed number of queries."""
        return self.select_related("kind").prefetch_related(
            "producers", "profiles", "domains", "territories", "goals", "targets", "rubriques", "tags"
        )

    def for_cards(self):
        """What a resource card shows, fetched in a fixed number of queries."""
        return self.select_related("kind").prefetch_related("producers")


class ResourceManager(NaturalKeyManager.from_queryset(ResourceQuerySet)):
    pass


class Resource(Publishable):
    class Format(models.TextChoices):
        PAGE = "page", "Site ou page web"
        DOCUMENT = "document", "Document (PDF, rapport, guide)"
        VIDEO = "video", "Vidéo"
        BASE = "base", "Base de données en ligne"
        PLATEFORME = "plateforme", "Plateforme ou outil en ligne"
        COURS = "cours", "Cours en ligne"
        RENCONTRE = "rencontre", "Rencontre ou webinaire"
        JEU = "jeu", "Jeu ou kit d'animation"

    natural_key_field = "slug"
    full_text_search = True  # odd17/search.py: an index of its own on each database
    title = models.CharField("titre", max_length=255)
    slug = models.SlugField("identifiant", max_length=255, unique=True)
    summary = models.CharField(
        "résumé", max_length=400, help_text="Une ou deux phrases, affichées sur les cartes."
    )
    body = models.TextField("présentation", blank=True, help_text="Paragraphes séparés par une ligne vide.")
    url = models.URLField("lien vers la ressource", max_length=500, blank=True)
    kind = models.ForeignKey(Kind, verbose_name="type", on_delete=models.PROTECT, related_name="resources")
    format = models.CharField("format", max_length=20, choices=Format.choices, blank=True)
    producers = models.ManyToManyField(
        Organisation, verbose_name="producteurs", blank=True, related_name="resources"
    )
    featured = models.BooleanField("à la une", default=False)
    profiles = models.ManyToManyField(
        Profile, verbose_name="profils d'acteurs", blank=True, related_name="resources"
    )
    domains = models.ManyToManyField(Domain, verbose_name="domaines", blank=True, related_name="resources")
    territories = models.ManyToManyField(
        Territory, verbose_name="territoires", blank=True, related_name="resources"
    )
    goals = models.ManyToManyField(Goal, verbose_name="ODD", blank=True, related_name="resources")
    targets = models.ManyToManyField(
        Target, verbose_name="cibles de l'ODD 17", blank=True, related_name="resources"
    )
    rubriques = models.ManyToManyField(
        Rubrique, verbose_name="rubriques", blank=True, related_name="resources"
    )
    tags = TaggableManager("mots-clés", blank=True, help_text="Mots-clés libres, séparés par des virgules.")
    source = models.CharField(
        "source", max_length=200, blank=True, help_text="D'où vient la fiche (document source)."
    )
    objects = ResourceManager()

    history = CuratedHistory()

    class Meta:
        verbose_name = "ressource"
        verbose_name_plural = "ressources"
        ordering = [F("published_on").desc(nulls_last=True), "title"]
        indexes = [
            models.Index(fields=["status", "published_on", "id"], name="resource_status_date"),
            models.Index(fields=["-created_at"], name="resource_created"),
            models.Index(fields=["featured", "status"], name="resource_featured"),
            models.Index(fields=["title"], name="resource_title"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """Its one public address: for a told example (Kind.tells_story), the story page an app
        declares (registry.story_url_name), else its own page. Costs no query when `kind` is
        fetched with it (for_cards, for_detail)."""
        story_url = registry.story_url_name() if self.kind.tells_story else None
        return reverse(story_url or "core:resource_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)
