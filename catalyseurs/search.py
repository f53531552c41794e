"""The catalyseurs' group of the global search page (declared on the app's config)."""

from urllib.parse import urlencode

from django.urls import reverse

from odd17 import search

from .models import Catalyseur


def section(text):
    found = search.matching(Catalyseur.objects.published(), text)
    return {
        "label": "Catalyseurs territoriaux",
        "count": found.count(),
        "items": list(found.for_cards().order_by("name")[:5]),
        "url": f"{reverse('catalyseurs:index')}?{urlencode({'q': text})}",
        "item_template": "catalyseurs/search_item.html",
    }
