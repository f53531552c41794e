"""Whole pages for anonymous visitors, kept in the cache until the content changes.

Every visitor without a session (not logged in, no message waiting) gets the same HTML for a
given URL, so the rendered page is stored under the URL and the content version
(`freshness.CONTENT`): any save of a model a public page shows retires every stored page at once
(Redis in production: on every server; the per-process memory cache also drops them after
TIMEOUT seconds). Only what is the same for everyone is stored: answers 200 to GET, that set no
cookie (a page with a form sets the CSRF cookie) and that do not say `private` or `no-store`.

The middleware sits after WhiteNoise and before the sessions: a stored page is served without
touching the session or the database. It sits before GZipMiddleware, so a page is stored as it
was sent (compressed for browsers that accept gzip, under its own key) and never compressed
again. The security and CSP headers are added on the way out, as for any page.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import cc_delim_re

from odd17.core import freshness

TIMEOUT = 600
# Cookies that make a visitor's pages their own: the session (logged in, or a message waiting)
# and the messages framework's own cookie.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def is_anonymous(request):
    return request.method in ("GET", "HEAD") and not any(name in request.COOKIES for name in PERSONAL_COOKIES)


def key(request):
    encoding = "gzip" if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else "identity"
    url = f"{encoding} {request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{freshness.current(freshness.CONTENT)}:{digest}"


def is_shared(response):
    cache_control = {part.strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not cache_control & {"private", "no-store", "no-cache"}
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous(request):
            return self.get_response(request)
        page_key = key(request)
        response = cache.get(page_key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and is_shared(response):
            cache.set(page_key, response, TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response
