import time

from django.core.management.base import BaseCommand

from odd17.core import facet_index, freshness
from odd17.core.models import Resource


class Command(BaseCommand):
    help = (
        "Recalcule l'index des facettes de toutes les ressources (après des modifications faites "
        "en SQL ou par QuerySet.update(), qui ne le tiennent pas à jour)."
    )

    def handle(self, **options):
        started = time.perf_counter()
        facet_index.reindex()
        freshness.bump()
        count = Resource.objects.count()
        self.stdout.write(
            f"Index des facettes recalculé : {count} ressources en {time.perf_counter() - started:.1f} s."
        )
