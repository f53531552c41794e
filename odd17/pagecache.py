"""Whole pages for anonymous visitors, kept in the cache until the content changes, and the HTTP
caching headers that let browsers and a CDN keep them too.

Every visitor without a session (not logged in, no message waiting) gets the same HTML for a
given URL, so the rendered page is stored under the URL and the content version
(`freshness.CONTENT`): any save of a model a public page shows retires every stored page at once
(Redis in production: on every server; the per-process memory cache also drops them after
TIMEOUT seconds). Only what is the same for everyone is stored: answers 200 to GET, that set no
cookie (a page with a form sets the CSRF cookie) and that do not say `private` or `no-store`.

Such a page says `Cache-Control: public, max-age=…, s-maxage=…` (settings.PAGE_MAX_AGE for
browsers, settings.PAGE_SHARED_MAX_AGE for a CDN), with an ETag (a digest of the uncompressed
body: the same for the gzip and plain copies, and for every server that renders the same HTML)
and the Last-Modified date of its rendering; a conditional request that still matches answers
304 without a body, whether the page came from the cache or was just rendered. Every other answer
(logged-in visitor, personal cookie, a form, an error, a redirect) says `private`: no shared cache
may keep it. See docs/caching.md.

The middleware sits after WhiteNoise and before the sessions: a stored page is served without
touching the session or the database. It sits before GZipMiddleware, so a page is stored as it
was sent (compressed for browsers that accept gzip, under its own key) and never compressed
again. The security and CSP headers are added on the way out, as for any page.
"""

import gzip
import hashlib
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from odd17.core import freshness

TIMEOUT = 600
DATE_TIMEOUT = 86400  # a page's Last-Modified date is remembered a day, then it is its rendering's
# Cookies that make a visitor's pages their own: the session (logged in, or a message waiting)
# and the messages framework's own cookie.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def is_anonymous(request):
    return request.method in ("GET", "HEAD") and not any(name in request.COOKIES for name in PERSONAL_COOKIES)


def url_digest(request, encoding=""):
    url = f"{encoding} {request.scheme}://{request.get_host()}{request.get_full_path()}"
    return hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()


def key(request):
    encoding = "gzip" if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else "identity"
    return f"page:{freshness.current(freshness.CONTENT)}:{url_digest(request, encoding)}"


def last_modified(request, body_digest):
    """When this URL first gave this body: kept across renderings, so that a page rendered again
    (another content change, an expired copy) keeps its date as long as its HTML is the same."""
    date_key = f"page-date:{url_digest(request)}"
    known = cache.get(date_key)
    if known and known[0] == body_digest:
        return known[1]
    now = int(time.time())
    cache.set(date_key, (body_digest, now), DATE_TIMEOUT)
    return now


def is_shared(response):
    cache_control = {part.strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not cache_control & {"private", "no-store", "no-cache"}
    )


def make_public(request, response):
    """Let any cache keep this page for everyone, with the validators of a conditional request."""
    patch_cache_control(
        response, public=True, max_age=settings.PAGE_MAX_AGE, s_maxage=settings.PAGE_SHARED_MAX_AGE
    )
    # A session cookie gets another page (private): a browser must not show this copy once its
    # visitor has logged in, nor a shared cache to a request that carries one.
    patch_vary_headers(response, ("Cookie",))
    compressed = response.get("Content-Encoding") == "gzip"
    body = gzip.decompress(response.content) if compressed else response.content
    # Weak when compressed, as Django's GZipMiddleware marks it: the two copies are equivalent, not
    # byte for byte the same (the compression adds random bytes against BREACH).
    digest = hashlib.sha256(body).hexdigest()[:32]
    response["ETag"] = f'W/"{digest}"' if compressed else f'"{digest}"'
    response["Last-Modified"] = http_date(last_modified(request, digest))


def conditional(request, response):
    """The 304 answer when the visitor's copy is still this one, else the response itself."""
    last_modified = parse_http_date_safe(response["Last-Modified"])
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous(request):
            response = self.get_response(request)
            patch_cache_control(response, private=True)
            return response
        page_key = key(request)
        response = cache.get(page_key)
        if response is not None:
            response = conditional(request, response)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if not is_shared(response):
            patch_cache_control(response, private=True)
            return response
        make_public(request, response)
        if request.method != "GET":
            return conditional(request, response)
        cache.set(page_key, response, TIMEOUT)
        response = conditional(request, response)
        response["X-Page-Cache"] = "miss"
        return response
