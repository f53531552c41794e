"""WSGI entry point (gunicorn odd17.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "odd17.settings")
application = get_wsgi_application()
