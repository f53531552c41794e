"""The vocabularies a resource is tagged with, each loaded from fixtures/ and curated in the admin.

Every model has a natural key (slug, code or number) so that fixtures and dumps refer to rows by
meaning, not by database id.
"""

from urllib.parse import urlencode

from django.db import models, transaction
from django.urls import reverse

from .. import freshness, registry
from ..history import CuratedHistory


class NaturalKeyManager(models.Manager):
    """Looks rows up by the model's `natural_key_field`."""

    def get_by_natural_key(self, key):
        return self.get(**{self.model.natural_key_field: key})


class Vocabulary(models.Model):
    natural_key_field = "slug"
    filter_param = None  # the query-string name of ResourceFilter that selects by this vocabulary
    objects = NaturalKeyManager()
    history = CuratedHistory(inherit=True)

    class Meta:
        abstract = True

    def natural_key(self):
        return (getattr(self, self.natural_key_field),)

    def get_filter_url(self):
        """The list of published resources tagged with this value."""
        query = urlencode({self.filter_param: getattr(self, self.natural_key_field)})
        return f"{reverse('core:resource_list')}?{query}"


class Axis(models.TextChoices):
    """The three axes of C.A.P. 2030."""

    COMPRENDRE = "comprendre", "Comprendre"
    AGIR = "agir", "Agir"
    PERENNISER = "perenniser", "Pérenniser"


AXIS_TAGLINES = {
    Axis.COMPRENDRE: "Des données pour comprendre",
    Axis.AGIR: "Des outils pour agir",
    Axis.PERENNISER: "Des compétences pour pérenniser",
}


class Criterion(models.TextChoices):
    """The four critères grouping the 16 domaines de fragilité."""

    ECONOMIQUE = "economique", "Critères économiques"
    SOCIAL = "social", "Critères sociaux"
    SOCIETAL = "societal", "Critères sociétaux"
    ENVIRONNEMENTAL = "environnemental", "Critères environnementaux"


class Profile(Vocabulary):
    filter_param = "profil"
    slug = models.SlugField("identifiant", unique=True)
    name = models.CharField("nom", max_length=100)
    description = models.TextField("description", blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "profil d'acteur"
        verbose_name_plural = "profils d'acteurs"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Domain(Vocabulary):
    filter_param = "domaine"
    slug = models.SlugField("identifiant", unique=True)
    name = models.CharField("nom", max_length=100)
    criterion = models.CharField("critère", max_length=20, choices=Criterion.choices)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "domaine"
        verbose_name_plural = "domaines"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class HierarchyQuerySet(models.QuerySet):
    """Vocabularies with a `parent` link and a derived `scope`: the rows whose resources count for a row.

    A territory's scope is itself, its ancestors and its descendants (national resources apply
    everywhere; a région gathers its départements); a rubrique's is itself and its sub-rubriques.
    Filters and facet counts join on `scope`, so inheritance costs one join, whatever the depth.
    """

    def rebuild_scopes(self):
        """Recompute every `scope` from the parent links; call after the hierarchy changed."""
        rebuild_scopes(self.model, self.model.scope_includes_ancestors)


def parent_field(label):
    """The `parent` link of a hierarchy."""
    return models.ForeignKey(
        "self", verbose_name=label, null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )


def scope_field(label):
    """The derived `scope` of a hierarchy (rebuild_scopes())."""
    return models.ManyToManyField(
        "self", symmetrical=False, related_name="in_scope_of", blank=True, editable=False, verbose_name=label
    )


def rebuild_scopes(model, include_ancestors):
    """The derivation itself, usable by migrations on historical models too."""
    parents = dict(model.objects.values_list("pk", "parent_id"))

    def ancestors(pk):
        while parents.get(pk):
            pk = parents[pk]
            yield pk

    pairs = set()
    for pk in parents:
        pairs.add((pk, pk))
        for ancestor in ancestors(pk):
            pairs.add((ancestor, pk))
            if include_ancestors:
                pairs.add((pk, ancestor))
    name = model._meta.model_name
    through = model.scope.through
    with transaction.atomic():
        through.objects.all().delete()
        through.objects.bulk_create(through(**{f"from_{name}_id": a, f"to_{name}_id": b}) for a, b in pairs)
    freshness.bump(freshness.VOCABULARY)


class TerritoryQuerySet(HierarchyQuerySet):
    def regions(self):
        return self.filter(level=Territory.Level.REGION)

    def departements(self):
        return self.filter(level=Territory.Level.DEPARTEMENT)

    def inside(self, territory):
        """This territory and the ones it contains (not the ones containing it), from its `scope`."""
        return self.filter(in_scope_of=territory, level__gte=territory.level)


class TerritoryManager(NaturalKeyManager.from_queryset(TerritoryQuerySet)):
    pass


class Territory(Vocabulary):
    """France, its régions and départements, with their official INSEE codes.

    `code` is what URLs carry: `FR`, `R` + the région's INSEE code (`R84`), or the département's
    INSEE code alone (`69`, `2A`, `974`): région and département codes overlap, hence the prefix.
    """

    filter_param = "territoire"

    class Level(models.IntegerChoices):
        PAYS = 0, "Pays"
        REGION = 1, "Région"
        DEPARTEMENT = 2, "Département"

    natural_key_field = "code"
    code = models.CharField("code", max_length=5, unique=True)
    insee_code = models.CharField("code INSEE", max_length=3, blank=True)
    name = models.CharField("nom", max_length=100)
    level = models.PositiveSmallIntegerField("niveau", choices=Level.choices)
    parent = parent_field("territoire parent")
    scope = scope_field("territoires couverts")
    scope_includes_ancestors = True

    objects = TerritoryManager()

    class Meta:
        verbose_name = "territoire"
        verbose_name_plural = "territoires"
        ordering = ["level", "code"]

    def __str__(self):
        if self.level == self.Level.DEPARTEMENT:
            return f"{self.name} ({self.insee_code})"
        return self.name


class Goal(Vocabulary):
    """An ODD (Objectif de développement durable)."""

    filter_param = "odd"

    natural_key_field = "number"
    number = models.PositiveSmallIntegerField("numéro", unique=True)
    title = models.CharField("intitulé", max_length=400)
    short_title = models.CharField("intitulé court", max_length=100)

    class Meta:
        verbose_name = "ODD"
        verbose_name_plural = "ODD"
        ordering = ["number"]

    def __str__(self):
        return f"ODD {self.number} – {self.short_title}"


class Target(Vocabulary):
    """A cible of an ODD (the 19 cibles of ODD 17)."""

    filter_param = "cible"

    natural_key_field = "code"
    code = models.CharField("code", max_length=6, unique=True)
    goal = models.ForeignKey(Goal, verbose_name="ODD", on_delete=models.PROTECT, related_name="targets")
    title = models.TextField("intitulé")
    theme = models.CharField("thème", max_length=150, blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "cible"
        verbose_name_plural = "cibles"
        ordering = ["goal__number", "order"]

    def __str__(self):
        return f"Cible {self.code}"


class Kind(Vocabulary):
    """The type of a resource (guide, MOOC, exemple inspirant…) and the entry door it belongs to."""

    filter_param = "type"

    class Door(models.TextChoices):
        OUTILS = "outils", "Outils"
        TEMOIGNAGES = "temoignages", "Témoignages"
        KITS = "kits", "Kits"
        METHODES = "methodes", "Méthodes"

    slug = models.SlugField("identifiant", unique=True)
    name = models.CharField("nom", max_length=100)
    plural = models.CharField("pluriel", max_length=100)
    door = models.CharField("porte d'entrée", max_length=20, choices=Door.choices, blank=True)
    tells_story = models.BooleanField(
        "raconté comme un exemple inspirant",
        default=False,
        help_text="Ses ressources sont présentées à part, comme des exemples ; celles qui ont un récit "
        "ont pour seule adresse la page de ce récit.",
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "type de ressource"
        verbose_name_plural = "types de ressources"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class RubriqueQuerySet(HierarchyQuerySet):
    def showing(self, page, slug=None):
        """The rubrique showing `page` (a code of Rubrique.page): the one called `slug` if several
        do, else the top one; None if none does."""
        rubriques = self.filter(page=page).order_by(models.F("parent").asc(nulls_first=True), "order")
        return (slug and rubriques.filter(slug=slug).first()) or rubriques.first()

    def as_tree(self, prepare=list):
        """The top-level rubriques, each with its `subrubriques` list attached (one query).

        `prepare(rows)` may decorate the rows first (stats.with_counts sets their counts).
        """
        rubriques = prepare(self)
        for rubrique in rubriques:
            rubrique.subrubriques = [child for child in rubriques if child.parent_id == rubrique.pk]
        return [rubrique for rubrique in rubriques if rubrique.parent_id is None]


class RubriqueManager(NaturalKeyManager.from_queryset(RubriqueQuerySet)):
    pass


class Rubrique(Vocabulary):
    """A page of one of the three axes, curated as data."""

    slug = models.SlugField("identifiant", unique=True)
    axis = models.CharField("axe", max_length=20, choices=Axis.choices)
    parent = parent_field("rubrique parente")
    scope = scope_field("rubriques incluses")
    scope_includes_ancestors = False
    title = models.CharField("titre", max_length=150)
    intro = models.TextField("introduction", blank=True)
    page = models.CharField(
        "page",
        max_length=30,
        blank=True,
        choices=registry.rubrique_page_choices,
        help_text="Ce que la rubrique présente : la liste de ses ressources, ou une page que le site "
        "lui consacre. Changer l'identifiant ou le titre garde la page.",
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)

    objects = RubriqueManager()

    class Meta:
        verbose_name = "rubrique"
        verbose_name_plural = "rubriques"
        ordering = ["axis", "order", "title"]

    def __str__(self):
        return f"{self.get_axis_display()} › {self.title}"

    def get_absolute_url(self):
        return reverse(f"{self.axis}:rubrique", kwargs={"slug": self.slug})

    def get_filter_url(self):
        """The rubrique's own page is the list of its resources."""
        return self.get_absolute_url()


class Organisation(Vocabulary):
    """A producer of resources or a partner of the platform."""

    filter_param = "producteur"

    slug = models.SlugField("identifiant", max_length=100, unique=True)
    name = models.CharField("nom", max_length=200)
    acronym = models.CharField("sigle", max_length=30, blank=True)
    url = models.URLField("site web", max_length=500, blank=True)
    description = models.TextField("description", blank=True)
    profile = models.ForeignKey(
        Profile, verbose_name="profil d'acteur", null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = "organisation"
        verbose_name_plural = "organisations"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Metier(Vocabulary):
    """One of the 4 métiers de la catalyse territoriale."""

    slug = models.SlugField("identifiant", unique=True)
    name = models.CharField("nom", max_length=100)
    description = models.TextField("description")
    activities = models.TextField("activités typiques", help_text="Une activité par ligne.", blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "métier de la catalyse"
        verbose_name_plural = "métiers de la catalyse"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    @property
    def activity_list(self):
        return [line.strip() for line in self.activities.splitlines() if line.strip()]
