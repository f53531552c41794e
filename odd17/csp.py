"""The Content Security Policy middleware: django-csp's, with the two parts settings cannot say.

- img-src also allows the host of the map tiles, read from settings.MAP_TILE_URL at each
  response (so it follows a changed setting); a relative tile URL needs nothing more.
- The Django admin gets its own policy (see ADMIN_RELAXED): it is for trusted staff only.
"""

import re
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings

DEFAULT_TILE_URL = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"

# The admin's widgets (select2 for autocompletion, the related-object pop-ups, the calendar)
# write style attributes in the HTML they build; styles only, never scripts, are let in there.
ADMIN_RELAXED = {"style-src": ["'self'", "'unsafe-inline'"]}


def tile_source(url):
    """The CSP source of a tile URL template: `https://*.tile.example.org` for `{s}.tile…`."""
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    host = re.sub(r"\{[^}]*\}", "*", parts.netloc)
    return f"{parts.scheme or 'https'}://{host}"


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        update = dict(parts.update or {})
        source = tile_source(getattr(settings, "MAP_TILE_URL", DEFAULT_TILE_URL))
        if source:
            update["img-src"] = [*update.get("img-src", []), source]
        if request.path_info.startswith(f"/{settings.ADMIN_PATH}"):
            parts.replace = {**ADMIN_RELAXED, **(parts.replace or {})}
        parts.update = update
        return parts
