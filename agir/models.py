"""What the Agir pages add to the shared resources: inspiring examples told as stories, and the
volets of the kit « L'ODD 17 en pratique » as a guided path."""

import re

from django.db import models
from django.urls import reverse

from odd17.core.history import CuratedHistory
from odd17.core.models import Resource

# Headings for the labels a story's paragraphs open with (« Contexte : … », « Démarche. … »);
# any other short label is kept as its own heading.
STORY_HEADINGS = {
    "contexte": "Le contexte",
    "démarche": "La démarche",
    "résultats": "Les résultats",
    "enseignements": "Les enseignements",
    "enseignement": "L'enseignement",
}
LABEL = re.compile(r"^(?P<label>[^\W\d_][^:.\n]{1,44}?)(?:\s:\s*|\.\s+)(?P<text>.+)$", re.DOTALL)


def split_label(paragraph):
    """(label, text) when the paragraph opens with a short label of at most six words, else None."""
    match = LABEL.match(paragraph)
    if match and len(match["label"].split()) <= 6:
        return match["label"].strip(), match["text"].strip()
    return None


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

    history = CuratedHistory()

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
        """The body as [(heading, [paragraphs])]: a labelled paragraph opens a part."""
        parts = []
        for paragraph in (p.strip() for p in self.resource.body.split("\n\n")):
            if not paragraph:
                continue
            labelled = split_label(paragraph)
            if labelled:
                label, text = labelled
                parts.append((STORY_HEADINGS.get(label.lower(), label), [text[:1].upper() + text[1:]]))
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

    history = CuratedHistory()

    class Meta:
        verbose_name = "volet du kit"
        verbose_name_plural = "volets du kit"
        ordering = ["step", "resource__title"]

    def __str__(self):
        return f"{self.step}. {self.resource}"
