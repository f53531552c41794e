"""Synthetic volume for benchmarks (`manage.py seed_demo`), never for the public site.

Each app declares its generators on its AppConfig (`demo_generators`, registry.py); the core's
generates resources. A generator is called as `generator(count, rng)` and bulk-inserts `count`
rows drawn with the random.Random `rng`, which makes runs repeatable with --seed.
"""

import itertools
import re
from dataclasses import dataclass

from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Domain, Goal, Kind, Organisation, Profile, Resource, Rubrique, Target, Territory

DEMO_SOURCE = "seed_demo"  # marks synthetic rows so that they can be told apart and removed
BATCH = 2000

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


@dataclass
class Corpus:
    """Real texts (titles, summaries, bodies), from which synthetic ones are written: the words, their
    frequency in documents and the length of the texts are then those of the portal's own content
    (a few words drawn uniformly would put every word in every row)."""

    titles: list
    summaries: list
    sentences: list
    body_lengths: list

    @classmethod
    def of_real(cls, queryset, title, summary, body):
        """The corpus of the real rows of `queryset` (those seed_demo did not create), by field names."""
        real = list(queryset.exclude(source=DEMO_SOURCE).values_list(title, summary, body))
        if not real:
            raise CommandError(
                "Chargez d'abord le contenu réel (manage.py load_content) : il sert de modèle."
            )
        sentences = [part for _, summary, body in real for part in SENTENCE_END.split(f"{summary} {body}")]
        return cls(
            titles=[title for title, _, _ in real],
            summaries=[summary for _, summary, _ in real],
            sentences=[sentence for sentence in sentences if sentence.strip()],
            body_lengths=[len(body) for _, _, body in real],
        )

    def title(self, rng, number, length=240):
        return f"{rng.choice(self.titles)[:length]} ({number})"

    def body(self, rng):
        """Real sentences, as many as the body of a real row holds."""
        wanted, sentences = rng.choice(self.body_lengths), []
        while sum(len(sentence) + 1 for sentence in sentences) < wanted:
            sentences.append(rng.choice(self.sentences))
        return " ".join(sentences)


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
    corpus = Corpus.of_real(Resource.objects, "title", "summary", "body")
    start = Resource.objects.filter(source=DEMO_SOURCE).count()
    today = timezone.localdate()
    for chunk_start in range(start, start + count, BATCH):
        numbers = range(chunk_start, min(chunk_start + BATCH, start + count))
        with transaction.atomic():
            resources = Resource.objects.bulk_create(
                Resource(
                    title=(title := corpus.title(rng, number)),
                    slug=slugify(title)[:200] + f"-demo-{number}",
                    summary=rng.choice(corpus.summaries),
                    body=corpus.body(rng),
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
