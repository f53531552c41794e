"""Values derived from the database follow the content's version, in one process or many."""

import time

import pytest

from odd17.core import freshness
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def counter():
    built = []

    def build():
        built.append(1)
        return len(built)

    return build, built


def test_a_memo_is_built_once_then_read_by_the_other_processes_from_a_shared_cache(settings, tmp_path):
    backend = "django.core.cache.backends.filebased.FileBasedCache"  # shared by processes, as Redis
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": str(tmp_path)}}
    assert freshness.shared()
    build, built = counter()
    here, there = freshness.Memo("essai", build), freshness.Memo("essai", build)  # one per process
    assert here.get() == there.get() == 1 and len(built) == 1
    ResourceFactory()  # a change of the content, seen by every process through the cache
    assert there.get() == here.get() == 2 and len(built) == 2


def test_a_memo_with_a_per_process_cache_follows_this_process_and_ages(monkeypatch):
    assert not freshness.shared()
    build, built = counter()
    memo = freshness.Memo("essai-local", build, timeout=300)
    assert memo.get() == memo.get() == 1
    ResourceFactory()
    assert memo.get() == 2
    later = time.monotonic() + 301  # another process's change would reach this one no later
    monkeypatch.setattr(freshness.time, "monotonic", lambda: later)
    assert memo.get() == 3


def test_a_transaction_bumps_the_version_once_when_it_commits(django_capture_on_commit_callbacks):
    """Saved, each change moves the version; committed, the transaction moves it once, not once per save."""
    with django_capture_on_commit_callbacks() as callbacks:
        ResourceFactory()
        ResourceFactory()
    assert [getattr(callback, "scope", None) for callback in callbacks].count(freshness.CONTENT) == 1
