"""What the Agir pages add to the shared resources: inspiring examples told as stories, and the
volets of the kit « L'ODD 17 en pratique » as a guided path."""

import re

from django.db import models
from django.urls import reverse

from odd17.core.models import Resource

# The labelled paragraphs a story's text is told in ("Contexte : …"), in reading order.
STORY_PARTS = {
    "contexte": "Le contexte",
    "démarche": "La démarche",
    "résultats": "Les résultats",
    "budget": "Le budget",
    "partenaires": "Les partenaires",
}
LABEL = re.compile(r"^(?P<label>[^\W\d_]+)\s*:\s*(?P<text>.+)$", re.DOTALL)


class Story(models.Model):
    """An exemple inspirant told as a story.

    The story's text stays in the resource's body (one place to edit, and the search finds it),
    in paragraphs labelled « Contexte : », « Démarche : », « Résultats : »…; the story adds when
    it happened and the resources it drew on. Its actors are the resource's producers (each with
    its profile), its key figures are comprendre's KeyFigure rows whose source it is.
    """

    natural_key_field = "resource"
    resource = models.OneToOneField(
        Resource, verbose_name="exemple", on_delete=models.CASCADE, related_name="story"
    )
    period = models.CharField(
        "période", max_length=100, blank=True, help_text="« Depuis 2010 », « En 30 ans »…"
    )
    related = models.ManyToManyField(
        Resource,
        verbose_name="ressources mobilisées",
        blank=True,
        related_name="stories_using",
        help_text="Outils, guides, offres dont l'exemple s'est servi ou qui le prolongent.",
    )

    class Meta:
        verbose_name = "récit d'exemple inspirant"
        verbose_name_plural = "récits d'exemples inspirants"
        ordering = ["resource__title"]

    def __str__(self):
        return str(self.resource)

    def get_absolute_url(self):
        return reverse("agir:story", kwargs={"slug": self.resource.slug})

    @property
    def parts(self):
        """The body as [(heading, [paragraphs])], labelled paragraphs under their heading."""
        parts = []
        for paragraph in (p.strip() for p in self.resource.body.split("\n\n")):
            if not paragraph:
                continue
            match = LABEL.match(paragraph)
            label = match and match["label"].lower()
            if label in STORY_PARTS:
                parts.append((STORY_PARTS[label], [match["text"].strip()]))
            elif parts:
                parts[-1][1].append(paragraph)
            else:
                parts.append(("Le récit", [paragraph]))
        return parts


class KitVolet(models.Model):
    """One step of the guided path through the kit « L'ODD 17 en pratique »."""

    natural_key_field = "resource"
    resource = models.OneToOneField(
        Resource, verbose_name="ressource", on_delete=models.CASCADE, related_name="kit_volet"
    )
    step = models.PositiveSmallIntegerField("étape")
    question = models.CharField("la question à laquelle le volet répond", max_length=200)
    axis_rubrique = models.ForeignKey(
        "core.Rubrique",
        verbose_name="axe d'outillage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text="Pour une boîte à outils : l'axe d'outillage qui la prolonge.",
    )

    class Meta:
        verbose_name = "volet du kit"
        verbose_name_plural = "volets du kit"
        ordering = ["step", "resource__title"]

    def __str__(self):
        return f"{self.step}. {self.resource}"
