import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Crée le compte administrateur à partir de ADMIN_EMAIL et ADMIN_PASSWORD s'il n'existe pas encore."

    def handle(self, **options):
        email, password = os.environ.get("ADMIN_EMAIL", ""), os.environ.get("ADMIN_PASSWORD", "")
        User = get_user_model()
        if not email or not password:
            if not User.objects.filter(is_superuser=True).exists():
                self.stdout.write(
                    "Aucun compte administrateur. Pour en créer un : "
                    "ADMIN_EMAIL=vous@exemple.fr ADMIN_PASSWORD='…' make run "
                    "(ou .venv/bin/python manage.py createsuperuser)."
                )
            return
        if User.objects.filter(username=email).exists():
            self.stdout.write(f"Le compte administrateur {email} existe déjà.")
            return
        user = User(username=email, email=email, is_staff=True, is_superuser=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Mot de passe refusé : " + " ".join(error.messages)) from error
        user.set_password(password)
        user.save()
        self.stdout.write(f"Compte administrateur {email} créé.")
