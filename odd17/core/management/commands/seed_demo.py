import random
import time

from django.core.management.base import BaseCommand, CommandError

from odd17.core import freshness, registry


class Command(BaseCommand):
    help = "Crée du volume synthétique réaliste pour les mesures de performance (jamais en production)."

    def add_arguments(self, parser):
        for name, (_, help_text) in registry.demo_generators().items():
            parser.add_argument(f"--{name}", type=int, default=0, metavar="N", help=help_text)
        parser.add_argument(
            "--seed", type=int, default=17, help="Graine du tirage aléatoire (résultats répétables)."
        )

    def handle(self, seed, **options):
        rng = random.Random(seed)
        generators = registry.demo_generators()
        wanted = {name: options[name] for name in generators if options[name]}
        if not wanted:
            names = ", ".join(f"--{name} N" for name in generators)
            raise CommandError(f"Précisez au moins un volume : {names}.")
        if any(count < 0 for count in wanted.values()):
            raise CommandError("Les volumes doivent être positifs.")
        for name, count in wanted.items():
            started = time.perf_counter()
            generators[name][0](count, rng)
            self.stdout.write(f"--{name} : {count} lignes créées en {time.perf_counter() - started:.1f} s.")
        freshness.bump()  # bulk inserts send no signal: retire cached counts here
