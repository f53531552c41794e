"""Version numbers of the content: caches derived from the database put them in their keys.

Two scopes: VOCABULARY (the option lists of the filters) changes when a vocabulary row changes;
CONTENT (the facet index's sets, the overview's counts, whole pages) changes with any change of a
model a public page shows. Each
app's ready() calls watch() on its models; bulk commands call bump() themselves. A bump retires
the cached entries at once where the cache is shared (Redis in production); per-process caches
also expire after their timeout.

A change bumps the version twice: when it is saved, which retires the entries at once, and when its
transaction commits, which retires what a request computed in between from the data before the
commit.
"""

import time

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VOCABULARY = "vocabulary"
CONTENT = "content"


def current(scope):
    # 0 until the first change: a cache that keeps nothing (CACHE=none) then always says 0.
    return cache.get_or_set(f"version:{scope}", 0, timeout=None)


def _set(scope):
    now = time.time_ns()
    scopes = (VOCABULARY, CONTENT) if scope == VOCABULARY else (CONTENT,)
    cache.set_many({f"version:{name}": now for name in scopes}, timeout=None)


def bump(scope=CONTENT):
    _set(scope)
    pending = transaction.get_connection().run_on_commit  # dropped with a rolled-back transaction
    if any(getattr(callback, "scope", None) == scope for _, callback, _ in pending):
        return  # this transaction already bumps `scope` when it commits (a bulk load saves thousands)

    def committed():
        _set(scope)

    committed.scope = scope
    transaction.on_commit(committed)  # at once outside a transaction


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


def shared():
    """Whether every process reads the same cache (Redis): a version read there is then everyone's."""
    return not isinstance(caches["default"], (LocMemCache, DummyCache))


class Memo:
    """A value derived from the database, kept by this process while its version holds.

    The version is the cache's version of `scope` (moved by signals), or, given `version`, what
    that function returns (changes.version: the database's own record of change, which nothing
    can bypass). With a shared cache, the last value built is kept there too (one entry, with its
    version), so that one process builds it and the others read it. With a per-process cache and
    the cache's version, a process learns of another's changes no sooner than the cache does: the
    value is then kept at most `timeout` seconds.
    """

    made = []

    def __init__(self, name, build, scope=CONTENT, timeout=300, version=None):
        self.name, self.build, self.scope, self.timeout = name, build, scope, timeout
        self.version = version
        self.forget()
        Memo.made.append(self)

    def forget(self):
        self.state = (None, 0.0, None)  # (version key, when, value): one tuple, replaced at once

    def get(self, version=None):
        """The value; `version` if the caller has just read it (one query for several memos)."""
        if version is None:
            version = self.version() if self.version else current(self.scope)
        key = f"{self.name}:{version}"
        held, at, value = self.state
        if held == key and (shared() or self.version or time.monotonic() - at < self.timeout):
            return value
        stored = cache.get(f"memo:{self.name}") if shared() else None
        if stored and stored[0] == key:
            value = stored[1]
        else:
            value = self.build()
            if shared():
                cache.set(f"memo:{self.name}", (key, value), timeout=None)
        self.state = (key, time.monotonic(), value)
        return value


def forget():
    """Drop every process memo (tests whose rolled-back changes leave the version as it was)."""
    for memo in Memo.made:
        memo.forget()


def cached(name, compute, timeout=300):
    """compute(), cached until the content changes (or `timeout` seconds, for per-process caches)."""
    key = f"{name}:{current(CONTENT)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
