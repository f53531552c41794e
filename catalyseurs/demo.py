"""`seed_demo --catalyseurs N`: synthetic catalyseurs spread over every métier, profile and département."""

import itertools

from django.db import transaction
from django.utils.text import slugify

from odd17 import search
from odd17.core.demo import BATCH, DEMO_SOURCE, Corpus
from odd17.core.models import Metier, Profile, Territory

from .geo import rounded
from .models import Catalyseur, CatalyseurMetier, Commune


def create_demo_catalyseurs(count, rng):
    """Bulk-create `count` published catalyseurs placed near the chef-lieu of a random département."""
    metiers = list(Metier.objects.all())
    profiles = list(Profile.objects.all())
    seats = {
        seat.departement_id: seat
        for seat in Commune.objects.filter(seat_of__level=Territory.Level.DEPARTEMENT).distinct()
    }
    departements = [t for t in Territory.objects.departements() if t.pk in seats]
    corpus = Corpus.of_real(Catalyseur.objects, "name", "summary", "presentation")
    start = Catalyseur.objects.filter(source=DEMO_SOURCE).count()
    for chunk_start in range(start, start + count, BATCH):
        numbers = range(chunk_start, min(chunk_start + BATCH, start + count))
        rows = []
        for number in numbers:
            departement = rng.choice(departements)
            seat = seats[departement.pk]
            name, summary = corpus.title(rng, number, length=180), rng.choice(corpus.summaries)
            rows.append(
                Catalyseur(
                    name=name,
                    slug=f"{slugify(name)[:80]}-demo-{number}",
                    summary=summary,
                    presentation=corpus.body(rng),
                    profile=rng.choice(profiles),
                    territory=departement,
                    # Spread around the chef-lieu (about ±15 km) so that clusters have something to do.
                    latitude=rounded(float(seat.latitude) + rng.uniform(-0.15, 0.15)),
                    longitude=rounded(float(seat.longitude) + rng.uniform(-0.15, 0.15)),
                    position_basis=Catalyseur.Position.MANUAL,
                    status=Catalyseur.Status.PUBLISHED,
                    source=DEMO_SOURCE,
                    search_text=search.normalize(name, summary, departement.name),
                )
            )
        with transaction.atomic():
            created = Catalyseur.objects.bulk_create(rows)
            CatalyseurMetier.objects.bulk_create(
                itertools.chain.from_iterable(
                    (
                        CatalyseurMetier(catalyseur_id=catalyseur.pk, metier=metier, order=order)
                        for order, metier in enumerate(rng.sample(metiers, rng.randint(1, 3)), start=1)
                    )
                    for catalyseur in created
                ),
                batch_size=BATCH * 3,
            )
    return count
