"""`/healthz`: is this application server able to serve? For load balancers and monitoring.

Served by a middleware placed first, so a probe is answered before host validation, the HTTPS
redirect, sessions or authentication: load balancers probe servers by address over plain HTTP,
and nothing here is secret. Each check says "ok" or why it failed; any failure answers 503.
"""

import logging
import uuid

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

PATH = "/healthz"
logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone()[0] == 1


def check_cache():
    if isinstance(caches["default"], DummyCache):  # (`cache` is a proxy: never an instance of it)
        return  # caching switched off on purpose (CACHE=none): nothing to reach
    key, value = f"healthz:{uuid.uuid4().hex}", "ok"
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("la valeur écrite n'a pas été relue")
    cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


def health(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception as error:  # any failure is the answer, not a 500
            logger.error("healthz: %s en échec: %s", name, error)
            results[name] = f"erreur : {type(error).__name__}"
    healthy = all(result == "ok" for result in results.values())
    response = JsonResponse(results, status=200 if healthy else 503)
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") == PATH and request.method in {"GET", "HEAD"}:
            return health(request)
        return self.get_response(request)
