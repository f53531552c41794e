"""Version numbers of the content: caches derived from the database put them in their keys.

Two scopes: VOCABULARY (the option lists of the filters) changes when a vocabulary row changes;
CONTENT (facet counts, pages) changes with any resource, tag or vocabulary change. apps.py
connects bump() to those saves and deletes; bulk commands call it themselves. A bump retires
the cached entries at once where the cache is shared (Redis in production); per-process caches
also expire after their timeout.
"""

import time

from django.core.cache import cache

VOCABULARY = "vocabulary"
CONTENT = "content"


def current(scope):
    return cache.get_or_set(f"version:{scope}", time.time_ns(), timeout=None)


def bump(scope=CONTENT, **kwargs):
    now = time.time_ns()
    scopes = (VOCABULARY, CONTENT) if scope == VOCABULARY else (CONTENT,)
    cache.set_many({f"version:{name}": now for name in scopes}, timeout=None)


def bump_vocabulary(**kwargs):
    bump(VOCABULARY)
