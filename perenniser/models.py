"""What the Pérenniser pages add to the shared resources: training details, the need an
accompaniment offer answers, the authors of a research work."""

from django.db import models

from odd17.core.history import CuratedHistory
from odd17.core.models import Resource


class Training(models.Model):
    """A MOOC, e-learning module or training: how, how long, for how much, at what level, when."""

    class Mode(models.TextChoices):
        EN_LIGNE = "en-ligne", "En ligne"
        PRESENTIEL = "presentiel", "Présentiel"
        MIXTE = "mixte", "Mixte"

    natural_key_field = "resource"
    resource = models.OneToOneField(
        Resource, verbose_name="ressource", on_delete=models.CASCADE, related_name="training"
    )
    mode = models.CharField("modalité", max_length=20, choices=Mode.choices)
    platform = models.CharField("plateforme", max_length=100, blank=True, help_text="Où suivre la formation.")
    duration = models.CharField("durée", max_length=100, blank=True)
    cost = models.CharField("coût", max_length=100, blank=True)
    level = models.CharField("niveau", max_length=100, blank=True)
    next_session = models.CharField("prochaine session", max_length=200, blank=True)

    history = CuratedHistory()

    class Meta:
        verbose_name = "formation"
        verbose_name_plural = "formations"

    def __str__(self):
        return str(self.resource)

    @staticmethod
    def describe(resource):
        """What a card of `resource` (fetched with its training) tells of the training, if it is one."""
        training = getattr(resource, "training", None)
        if training is None:
            return []
        mode = training.get_mode_display() + (f" · {training.platform}" if training.platform else "")
        return [
            ("Modalité", mode),
            ("Durée", training.duration or "non précisée"),
            ("Coût", training.cost or "non précisé"),
            ("Niveau", training.level or "non précisé"),
            ("Prochaine session", training.next_session or "non précisée"),
        ]


class Accompaniment(models.Model):
    """An accompaniment offer and the need it answers."""

    class Need(models.TextChoices):
        CATALYSE = "catalyse", "Pour la catalyse territoriale"
        INNOVATION = "innovation", "Pour les projets d'innovation"
        CITOYENS = "citoyens", "Pour mobiliser les citoyens"
        INGENIERIE = "ingenierie", "Pour l'ingénierie des collectivités"
        NUMERIQUE = "numerique", "Pour le numérique"
        ODD = "odd", "Pour s'approprier les ODD"

    natural_key_field = "resource"
    resource = models.OneToOneField(
        Resource, verbose_name="ressource", on_delete=models.CASCADE, related_name="accompaniment"
    )
    need = models.CharField("besoin", max_length=20, choices=Need.choices)
    audience = models.CharField(
        "pour qui",
        max_length=300,
        help_text="En clair : qui peut en bénéficier (les profils sont des étiquettes).",
    )

    history = CuratedHistory()

    class Meta:
        verbose_name = "offre d'accompagnement"
        verbose_name_plural = "offres d'accompagnement"

    def __str__(self):
        return str(self.resource)

    @classmethod
    def group(cls, resources):
        """([(need label, [resources])] in the order of Need, [resources without an offer])."""
        groups = {need: [] for need in cls.Need}
        others = []
        for resource in resources:
            offer = getattr(resource, "accompaniment", None)
            (groups[cls.Need(offer.need)] if offer else others).append(resource)
        return [(need.label, items) for need, items in groups.items() if items], others


class ResearchWork(models.Model):
    """An academic work or research programme on alliances."""

    natural_key_field = "resource"
    resource = models.OneToOneField(
        Resource, verbose_name="ressource", on_delete=models.CASCADE, related_name="research"
    )
    authors = models.CharField("auteurs", max_length=300, blank=True)
    institution = models.CharField("institution", max_length=200, blank=True)
    year = models.PositiveSmallIntegerField("année", null=True, blank=True)

    history = CuratedHistory()

    class Meta:
        verbose_name = "travail de recherche"
        verbose_name_plural = "travaux de recherche"

    def __str__(self):
        return str(self.resource)
