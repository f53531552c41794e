"""The directory of catalyseurs territoriaux: organisations that animate the links between the
actors of a territory, by one or more of the 4 métiers de la catalyse.

Member accounts (a later issue) attach through their own model (a membership linking a user to a
catalyseur, with its role), so nothing here needs to change for them; the contact address stays
on the catalyseur and is only ever used to send e-mail, never rendered.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from odd17 import search
from odd17.core.history import CuratedHistory
from odd17.core.models import Metier, Organisation, Profile, Resource, Territory
from odd17.core.models.publishing import Publishable, PublishableQuerySet
from odd17.core.models.vocabularies import NaturalKeyManager

from .geo import validate_position

RESERVED_SLUGS = {"metiers", "carte", "carte.geojson"}  # paths of the app that a slug would hide


def latitude_field(label):
    return models.DecimalField(
        label,
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )


def longitude_field(label):
    return models.DecimalField(
        label,
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )


class Commune(models.Model):
    """A French commune with a map position, from fixtures/communes.json (`manage.py build_communes`)."""

    natural_key_field = "code"
    code = models.CharField("code INSEE", max_length=5, unique=True)
    name = models.CharField("nom", max_length=100)
    departement = models.ForeignKey(
        Territory, verbose_name="département", on_delete=models.PROTECT, related_name="communes"
    )
    latitude = latitude_field("latitude")
    longitude = longitude_field("longitude")
    seat_of = models.ManyToManyField(Territory, verbose_name="chef-lieu de", blank=True, related_name="seats")

    objects = NaturalKeyManager()

    history = CuratedHistory()

    class Meta:
        verbose_name = "commune"
        verbose_name_plural = "communes"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.departement.insee_code})"

    def clean(self):
        validate_position(self.latitude, self.longitude)

    def natural_key(self):
        return (self.code,)


class CatalyseurQuerySet(PublishableQuerySet):
    def covering(self, territories):
        """Catalyseurs of these places, of the places containing them and of the places they contain
        (the territories' `scope`, the same rule as resources)."""
        # Plain ids rather than the filter's queryset: one level of subquery less for the planner.
        scopes = Territory.scope.through.objects.filter(from_territory__in=[t.pk for t in territories])
        return self.filter(territory__in=scopes.values("to_territory"))

    def located_in(self, territory):
        """Catalyseurs of this place or of a place inside it (national networks excluded)."""
        return self.filter(territory__in=Territory.objects.inside(territory))

    def involved_in(self, resource):
        """Catalyseurs that produced or recommend `resource`, or whose organisation produced it."""
        return self.filter(
            models.Q(resources=resource) | models.Q(organisation__in=resource.producers.values("pk"))
        ).distinct()

    def for_links(self):
        """What a short list of links shows: the name and the place, in the same query."""
        return self.select_related("territory", "commune")

    def practising(self, metiers):
        """Catalyseurs practising at least one of these métiers."""
        roles = CatalyseurMetier.objects.filter(metier__in=[metier.pk for metier in metiers])
        return self.filter(pk__in=roles.values("catalyseur"))

    def located(self):
        return self.exclude(latitude=None).exclude(longitude=None)

    def as_geojson(self):
        """A GeoJSON FeatureCollection (dict) of the located catalyseurs, in one query."""
        prefix = reverse("catalyseurs:index")
        rows = self.located().values_list(
            "slug", "name", "latitude", "longitude", "commune__name", "territory__name"
        )
        return {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [float(longitude), float(latitude)]},
                    "properties": {
                        "nom": name,
                        "url": f"{prefix}{slug}/",
                        "lieu": commune or territory or "",
                    },
                }
                for slug, name, latitude, longitude, commune, territory in rows
            ],
        }

    def for_cards(self):
        """What a card shows, in a fixed number of queries."""
        return self.select_related("territory", "profile", "commune").prefetch_related(
            models.Prefetch("roles", queryset=CatalyseurMetier.objects.select_related("metier"))
        )

    def for_detail(self):
        return self.for_cards().select_related("organisation", "territory__parent", "commune__departement")


class CatalyseurManager(NaturalKeyManager.from_queryset(CatalyseurQuerySet)):
    pass


class Catalyseur(Publishable):
    class Position(models.TextChoices):
        COMMUNE = "commune", "La commune du catalyseur"
        SEAT = "chef-lieu", "Le chef-lieu de son territoire (commune non connue)"
        MANUAL = "saisie", "Coordonnées saisies à la main"
        NONE = "", "Aucune (pas de territoire local)"

    natural_key_field = "slug"
    fixture_extra_keys = {"metiers"}

    name = models.CharField("nom", max_length=200)
    slug = models.SlugField("identifiant", max_length=100, unique=True)
    summary = models.CharField("en bref", max_length=300, help_text="Une ou deux phrases, pour les cartes.")
    presentation = models.TextField(
        "présentation", blank=True, help_text="Paragraphes séparés par une ligne vide."
    )
    testimony = models.TextField("témoignage", blank=True, help_text="Un court extrait, entre guillemets.")
    testimony_author = models.CharField("auteur du témoignage", max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="catalyseurs",
    )
    profile = models.ForeignKey(
        Profile,
        verbose_name="profil d'acteur",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="catalyseurs",
    )
    metiers = models.ManyToManyField(
        Metier, verbose_name="métiers", through="CatalyseurMetier", blank=True, related_name="catalyseurs"
    )
    territory = models.ForeignKey(
        Territory,
        verbose_name="territoire",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="catalyseurs",
        help_text="France entière pour un réseau national ; vide si les sources ne le disent pas.",
    )
    commune = models.ForeignKey(
        Commune, verbose_name="commune", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    latitude = latitude_field("latitude")
    longitude = longitude_field("longitude")
    position_basis = models.CharField(
        "position sur la carte",
        max_length=10,
        choices=Position.choices,
        blank=True,
        help_text="« Coordonnées saisies » garde la latitude et la longitude ci-dessous ; sinon la position "
        "est recalculée à l'enregistrement (commune, à défaut chef-lieu du territoire).",
    )
    website = models.URLField("site web", max_length=500, blank=True)
    contact_email = models.EmailField(
        "adresse de contact",
        blank=True,
        help_text="Jamais affichée : reçoit les messages « Solliciter un pair ».",
    )
    resources = models.ManyToManyField(
        Resource, verbose_name="ressources produites ou recommandées", blank=True, related_name="catalyseurs"
    )
    source = models.CharField("source", max_length=300, blank=True, help_text="Document et lignes d'origine.")
    search_text = models.TextField(editable=False, blank=True)

    objects = CatalyseurManager()

    history = CuratedHistory()

    class Meta:
        verbose_name = "catalyseur territorial"
        verbose_name_plural = "catalyseurs territoriaux"
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "name"], name="catalyseur_status_name")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Derived fields: the map position (unless typed in) and the accent-free search text.
        if self.position_basis != self.Position.MANUAL:
            self.latitude, self.longitude, self.position_basis = self.locate()
        self.search_text = search.normalize(
            self.name,
            self.summary,
            self.presentation,
            self.commune.name if self.commune_id else "",
            self.territory.name if self.territory_id else "",
            self.organisation.name if self.organisation_id else "",
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("catalyseurs:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": "Cet identifiant est réservé par le site ; choisissez-en un autre."}
            )
        if self.position_basis == self.Position.MANUAL:
            if self.latitude is None and self.longitude is None:
                raise ValidationError({"latitude": "Saisissez la latitude et la longitude."})
            validate_position(self.latitude, self.longitude)

    def locate(self):
        """(latitude, longitude, basis): the commune's position, else the chef-lieu of the territory."""
        if self.commune_id:
            return self.commune.latitude, self.commune.longitude, self.Position.COMMUNE
        if self.territory_id:
            seat = Commune.objects.filter(seat_of=self.territory_id).first()
            if seat:
                return seat.latitude, seat.longitude, self.Position.SEAT
        return None, None, self.Position.NONE

    @property
    def seat(self):
        """The commune whose position the map shows when it is the chef-lieu."""
        if self.position_basis != self.Position.SEAT or not self.territory_id:
            return None
        return Commune.objects.filter(seat_of=self.territory_id).first()

    def load_fixture_extras(self, row):
        """Fixture key `metiers`: [{"metier": slug, "description": what it does in that métier}, …]."""
        if "metiers" not in row:
            return
        kept = []
        for order, item in enumerate(row["metiers"], start=1):
            if not isinstance(item, dict) or "metier" not in item:
                raise ValueError('chaque métier s\'écrit {"metier": slug, "description": texte}.')
            metier = Metier.objects.filter(slug=item["metier"]).first()
            if metier is None:
                raise ValueError(f"métier « {item['metier']} » inconnu.")
            CatalyseurMetier.objects.update_or_create(
                catalyseur=self,
                metier=metier,
                defaults={"description": item.get("description", ""), "order": order},
            )
            kept.append(metier.pk)
        self.roles.exclude(metier__in=kept).delete()


class CatalyseurMetier(models.Model):
    """One métier a catalyseur practises, with what it does in it."""

    catalyseur = models.ForeignKey(Catalyseur, on_delete=models.CASCADE, related_name="roles")
    metier = models.ForeignKey(Metier, verbose_name="métier", on_delete=models.PROTECT, related_name="roles")
    description = models.TextField("ce qu'il y fait", blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "métier pratiqué"
        verbose_name_plural = "métiers pratiqués"
        ordering = ["order", "metier__order"]
        constraints = [
            models.UniqueConstraint(fields=["catalyseur", "metier"], name="catalyseur_metier_unique")
        ]

    def __str__(self):
        return f"{self.catalyseur} — {self.metier}"
