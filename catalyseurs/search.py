"""The catalyseurs' group of the global search page (registered in apps.py)."""

from urllib.parse import urlencode

from django.urls import reverse

from .models import Catalyseur


def section(text):
    found = Catalyseur.objects.published().matching(text)
    return {
        "label": "Catalyseurs territoriaux",
        "count": found.count(),
        "items": list(found.for_cards().order_by("name")[:5]),
        "url": f"{reverse('catalyseurs:index')}?{urlencode({'q': text})}",
        "item_template": "catalyseurs/search_item.html",
    }
