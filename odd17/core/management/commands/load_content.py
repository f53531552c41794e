from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from odd17.core.content import ContentError, load_content


class Command(BaseCommand):
    help = "Charge (ou met à jour) les vocabulaires et le contenu réel depuis fixtures/ ; peut être relancée."

    def add_arguments(self, parser):
        parser.add_argument("--directory", type=Path, default=settings.BASE_DIR / "fixtures")

    def handle(self, directory, **options):
        try:
            report = load_content(directory)
        except ContentError as error:
            raise CommandError(f"Rien n'a été chargé. {error}") from error
        for label, bucket in (("créés", report.created), ("mis à jour", report.updated)):
            if bucket:
                self.stdout.write(
                    f"{label} : " + ", ".join(f"{count} {name}" for name, count in bucket.items())
                )
