"""Synthetic volume for benchmarks (`manage.py seed_demo`), never for the public site.

The core generates resources; other apps register generators for their own models from their
AppConfig.ready() (`register("catalyseurs", create_demo_catalyseurs, "…")`), so that the core
never imports them. A generator is called as `generator(count, rng)` and bulk-inserts `count`
rows drawn with the random.Random `rng`, which makes runs repeatable with --seed.
"""

import itertools

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Domain, Goal, Kind, Organisation, Profile, Resource, Rubrique, Target, Territory

GENERATORS = {}
DEMO_SOURCE = "seed_demo"  # marks synthetic rows so that they can be told apart and removed
BATCH = 2000

WORDS = [
    "alliance",
    "coopération",
    "territoire",
    "partenariat",
    "innovation",
    "sociale",
    "engagement",
    "citoyen",
    "entreprise",
    "association",
    "collectivité",
    "fondation",
    "transition",
    "énergétique",
    "mobilité",
    "solidaire",
    "numérique",
    "inclusion",
    "emploi",
    "jeunesse",
    "santé",
    "éducation",
    "culture",
    "logement",
    "vieillissement",
    "biodiversité",
    "gouvernance",
    "dialogue",
    "expérimentation",
    "accompagnement",
    "formation",
    "capitalisation",
    "données",
    "outils",
    "compétences",
    "catalyse",
    "réseau",
    "ressources",
]


def register(name, generator, help_text):
    """Make `seed_demo --<name> N` call `generator(N, rng)`."""
    GENERATORS[name] = (generator, help_text)


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def sample(rng, rows, low, high):
    return rng.sample(rows, min(len(rows), rng.randint(low, high)))


def create_demo_resources(count, rng):
    """Bulk-create `count` published resources spread over every vocabulary."""
    kinds = list(Kind.objects.all())
    formats = [value for value, _ in Resource.Format.choices]
    vocabularies = {
        "profiles": (list(Profile.objects.all()), 1, 3),
        "domains": (list(Domain.objects.all()), 0, 3),
        "territories": (list(Territory.objects.all()), 1, 2),
        "goals": (list(Goal.objects.all()), 1, 3),
        "targets": (list(Target.objects.all()), 0, 2),
        "rubriques": (list(Rubrique.objects.all()), 1, 2),
        "producers": (list(Organisation.objects.all()), 0, 2),
    }
    start = Resource.objects.filter(source=DEMO_SOURCE).count()
    today = timezone.localdate()
    for chunk_start in range(start, start + count, BATCH):
        numbers = range(chunk_start, min(chunk_start + BATCH, start + count))
        with transaction.atomic():
            resources = Resource.objects.bulk_create(
                Resource(
                    title=(title := f"{sentence(rng, rng.randint(3, 8))} {number}"),
                    slug=slugify(title)[:200] + f"-demo-{number}",
                    summary=sentence(rng, 25),
                    body="\n\n".join(sentence(rng, 60) for _ in range(3)),
                    kind=rng.choice(kinds),
                    format=rng.choice(formats),
                    status=Resource.Status.PUBLISHED,
                    published_on=today.replace(year=today.year - rng.randint(0, 8), day=1),
                    featured=rng.random() < 0.01,
                    source=DEMO_SOURCE,
                )
                for number in numbers
            )
            for field, (rows, low, high) in vocabularies.items():
                relation = Resource._meta.get_field(field)
                through, column = relation.remote_field.through, f"{relation.m2m_reverse_field_name()}_id"
                through.objects.bulk_create(
                    itertools.chain.from_iterable(
                        (
                            through(resource_id=resource.pk, **{column: row.pk})
                            for row in sample(rng, rows, low, high)
                        )
                        for resource in resources
                    ),
                    batch_size=BATCH * 3,
                )
    return count


register("resources", create_demo_resources, "Nombre de ressources synthétiques à créer.")
