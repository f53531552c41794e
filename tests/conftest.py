"""Shared test set-up: the real content of fixtures/ is loaded once per test database."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections

from odd17.core import freshness
from odd17.core.content import load_content

FIXTURES = settings.BASE_DIR / "fixtures"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_content(FIXTURES)
        # Transactional tests (the browser's) empty the database after each test; with
        # serialized_rollback they get this content back, faster than loading it again.
        for connection in connections.all(initialized_only=True):
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves no page or count behind.

    The process memos go too: the version they were made at comes back with the emptied cache."""
    cache.clear()
    freshness.forget()


@pytest.fixture
def site(live_server):
    """The live server's URL, with the real content (browser and HTML-validity tests).

    serialized_rollback restores the content before each of these tests; should one run after a
    flush without that restore (seen once on PostgreSQL, not explained), the content is loaded
    again rather than tested absent.
    """
    from odd17.core.models import Kind

    if not Kind.objects.exists():
        load_content(FIXTURES)
    return live_server.url


@pytest.fixture
def pages_computed(settings):
    """Every page rendered by its view: the anonymous page cache is off (query-count tests)."""
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "odd17.pagecache.AnonymousPageCacheMiddleware"
    ]


@pytest.fixture(autouse=True)
def no_map_tiles_from_the_internet(settings):
    """The map page would fetch tiles from OpenStreetMap: tests point it at a local URL that 404s."""
    settings.MAP_TILE_URL = "/static/tests/pas-de-tuiles/{z}/{x}/{y}.png"


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "admin@example.org", "admin@example.org", "x-Long-pass-42"
    )
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "editrice@example.org", "editrice@example.org", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Éditeurs"))
    client.force_login(user)
    return client
