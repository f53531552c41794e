"""What the Comprendre pages add to the shared vocabularies: the guide's reading of the ODD and
their cibles, what each knowledge base lets you search, and the key figures the sources give."""

from django.db import models
from django.db.models import Q

from odd17.core.history import CuratedHistory
from odd17.core.models import Domain, Goal, Profile, Resource, Target, Territory


def lines(text):
    """The non-empty lines of a multi-line field, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class GoalGuide(models.Model):
    """What the Comité 21 guide says of one ODD for a territory."""

    natural_key_field = "goal"
    goal = models.OneToOneField(Goal, verbose_name="ODD", on_delete=models.CASCADE, related_name="guide")
    context = models.TextField("contexte et enjeux", help_text="Paragraphes séparés par une ligne vide.")
    questions = models.TextField(
        "questions à se poser", blank=True, help_text="Une question par ligne (pour une collectivité)."
    )
    interactions = models.TextField(
        "interactions clés avec les autres ODD",
        blank=True,
        help_text="Paragraphes séparés par une ligne vide.",
    )

    history = CuratedHistory()

    class Meta:
        verbose_name = "lecture d'un ODD"
        verbose_name_plural = "lectures des ODD"

    def __str__(self):
        return str(self.goal)

    @property
    def question_list(self):
        return lines(self.questions)


class TargetGuide(models.Model):
    """What a cible means for a territory, as the guide's « outils pour décliner les cibles » tell."""

    natural_key_field = "target"
    target = models.OneToOneField(
        Target, verbose_name="cible", on_delete=models.CASCADE, related_name="guide"
    )
    heading = models.CharField(
        "rubrique du guide", max_length=300, help_text="Le titre sous lequel le guide traite la cible."
    )
    meaning = models.TextField("ce que la cible veut dire pour un territoire")

    history = CuratedHistory()

    class Meta:
        verbose_name = "lecture d'une cible"
        verbose_name_plural = "lectures des cibles"

    def __str__(self):
        return str(self.target)


class KnowledgeBase(models.Model):
    """A base de connaissance: what one can search in it."""

    natural_key_field = "resource"
    resource = models.OneToOneField(
        Resource, verbose_name="ressource", on_delete=models.CASCADE, related_name="knowledge_base"
    )
    question = models.CharField("la question à laquelle elle répond", max_length=300)
    searches = models.TextField("ce qu'on peut y chercher", help_text="Un critère de recherche par ligne.")

    history = CuratedHistory()

    class Meta:
        verbose_name = "base de connaissance"
        verbose_name_plural = "bases de connaissance"

    def __str__(self):
        return str(self.resource)

    @property
    def search_list(self):
        return lines(self.searches)


class KeyFigureQuerySet(models.QuerySet):
    def about_profile(self, profile):
        """Figures about this profile: said so, or drawn from a source tagged with it."""
        return self.filter(Q(profile=profile) | Q(profile__isnull=True, source__profiles=profile)).distinct()

    def about_domain(self, domain):
        return self.filter(source__domains=domain).distinct()

    def about_territory(self, territory):
        """Figures drawn from sources located in this territory."""
        return self.filter(source__in=Resource.objects.located_in(territory))

    def public(self):
        """Figures whose source is published."""
        return self.filter(source__in=Resource.objects.published()).select_related("source__kind")


class KeyFigure(models.Model):
    """A figure the seed documents give, with the resource it comes from."""

    natural_key_field = "slug"
    slug = models.SlugField("identifiant", max_length=100, unique=True)
    value = models.CharField(
        "chiffre", max_length=40, help_text="Tel que la source le donne : « 87 % », « 270 »."
    )
    label = models.CharField("ce qu'il mesure", max_length=300)
    source = models.ForeignKey(
        Resource, verbose_name="source", on_delete=models.CASCADE, related_name="key_figures"
    )
    profile = models.ForeignKey(
        Profile,
        verbose_name="profil concerné",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text="À préciser quand le chiffre ne concerne qu'un des profils de sa source.",
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)

    objects = KeyFigureQuerySet.as_manager()

    history = CuratedHistory()

    class Meta:
        verbose_name = "chiffre clé"
        verbose_name_plural = "chiffres clés"
        ordering = ["source", "order", "pk"]

    def __str__(self):
        return f"{self.value} {self.label}"


# The three facets of the fiches repères: (URL word, model, key field, rubrique slug).
FACETS = {
    "domaines": (Domain, "slug", "fiches-reperes-domaines"),
    "acteurs": (Profile, "slug", "fiches-reperes-acteurs"),
    "territoires": (Territory, "code", "fiches-reperes-territoires"),
}
