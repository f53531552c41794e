"""Version numbers of the content: caches derived from the database put them in their keys.

Two scopes: VOCABULARY (the option lists of the filters) changes when a vocabulary row changes;
CONTENT (facet counts, whole pages) changes with any change of a model a public page shows. Each
app's ready() calls watch() on its models; bulk commands call bump() themselves. A bump retires
the cached entries at once where the cache is shared (Redis in production); per-process caches
also expire after their timeout.
"""

import time

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

VOCABULARY = "vocabulary"
CONTENT = "content"


def current(scope):
    # 0 until the first change: a cache that keeps nothing (CACHE=none) then always says 0.
    return cache.get_or_set(f"version:{scope}", 0, timeout=None)


def bump(scope=CONTENT):
    now = time.time_ns()
    scopes = (VOCABULARY, CONTENT) if scope == VOCABULARY else (CONTENT,)
    cache.set_many({f"version:{name}": now for name in scopes}, timeout=None)


def receiver(scope):
    def changed(sender, action="post_", **kwargs):
        if action.startswith("post_"):  # m2m_changed also signals each change before it happens
            bump(scope)

    return changed


RECEIVERS = {CONTENT: receiver(CONTENT), VOCABULARY: receiver(VOCABULARY)}


def watch(models, scope=CONTENT):
    """Bump `scope` on every save and delete of these models and every change of their many-to-many
    links (cache invalidation only: nothing else may hang on these signals)."""
    changed = RECEIVERS[scope]
    for model in models:
        label = model._meta.label
        post_save.connect(changed, sender=model, dispatch_uid=f"freshness-save-{label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"freshness-delete-{label}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(changed, sender=through, dispatch_uid=f"freshness-m2m-{through._meta.label}")


def cached(name, compute, timeout=300):
    """compute(), cached until the content changes (or `timeout` seconds, for per-process caches)."""
    key = f"{name}:{current(CONTENT)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
