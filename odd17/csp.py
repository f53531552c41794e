"""The Content Security Policy middleware: django-csp's, plus the map tile host in img-src.

The host is derived from settings.MAP_TILE_URL (once per value; a relative tile URL needs nothing
more). The Django admin keeps the same strict policy: its scripts are files and the widgets it
uses (autocompletion, calendar, slug prefilling, inline rows) work under it (tests/browser/test_csp.py).
"""

import functools
import re
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings


@functools.cache  # one value per MAP_TILE_URL: not recomputed for every response
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
        source = tile_source(settings.MAP_TILE_URL)
        if source and not report_only:
            update = dict(parts.update or {})
            update["img-src"] = [*update.get("img-src", []), source]
            parts.update = update
        return parts
