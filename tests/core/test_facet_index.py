"""The facet index stays true: after each kind of change, the keys stored on a resource are those
a full rebuild would give, and they mean what the filters mean."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag, TaggedItem

from odd17.core import facet_index, freshness
from odd17.core.models import Domain, Kind, Organisation, Profile, Resource, Rubrique, Territory
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def stored(resource):
    return set(Resource.objects.get(pk=resource.pk).facet_keys)


def rebuilt(resource):
    """The keys a full rebuild gives (the stored ones are put back afterwards)."""
    before = Resource.objects.get(pk=resource.pk).facet_keys
    facet_index.reindex(Resource.objects.filter(pk=resource.pk))
    keys = stored(resource)
    Resource.objects.filter(pk=resource.pk).update(facet_keys=before)
    return keys


@pytest.fixture
def resource():
    return ResourceFactory(
        format="video",
        tagged={
            "profiles": [Profile.objects.get(slug="associations")],
            "territories": [Territory.objects.get(code="69")],
            "rubriques": [Rubrique.objects.get(slug="co-construire-en-territoire")],
            "domains": [Domain.objects.get(slug="emploi")],
            "tags": ["mot-clé du départ"],
        },
    )


def test_keys_say_which_choices_select_the_resource(resource):
    keys = stored(resource)
    # A resource of the Rhône is found from the Rhône, its région and France; not from elsewhere.
    assert {"territoire:69", "territoire:R84", "territoire:FR"} <= keys
    assert "territoire:R11" not in keys and "territoire:01" not in keys
    # A sub-rubrique's resource is found from its parent rubrique, and from its axis.
    assert {"rubrique:co-construire-en-territoire", "rubrique:axes-d-outillage", "axe:agir"} <= keys
    assert {"type:guide", "format:video", "profil:associations", "domaine:emploi"} <= keys
    assert f"critere:{Domain.objects.get(slug='emploi').criterion}" in keys
    assert not any(key.startswith("producteur:") for key in keys)


CHANGES = {
    "its kind and format": lambda r: (
        setattr(r, "kind", Kind.objects.get(slug="exemple")),
        setattr(r, "format", ""),
        r.save(),
    ),
    "a link added": lambda r: r.goals.add(*Resource.goals.field.related_model.objects.filter(number=17)),
    "a link removed": lambda r: r.profiles.remove(Profile.objects.get(slug="associations")),
    "links cleared": lambda r: r.territories.clear(),
    "links set": lambda r: r.producers.set(Organisation.objects.all()[:2]),
    "a keyword added": lambda r: r.tags.add("mot-clé de test"),
    "keywords cleared": lambda r: r.tags.clear(),
    "a link added from the other side": lambda r: Profile.objects.get(slug="fondations").resources.add(r),
    "links cleared from the other side": lambda r: Profile.objects.get(slug="associations").resources.clear(),
    "a profile renamed": lambda r: (
        (profile := Profile.objects.get(slug="associations")),
        setattr(profile, "slug", "assos"),
        profile.save(),
    ),
    "a domain's critère changed": lambda r: (
        (domain := Domain.objects.get(slug="emploi")),
        setattr(domain, "criterion", "environnemental"),
        domain.save(),
    ),
    "a domain deleted": lambda r: Domain.objects.get(slug="emploi").delete(),
    "a territory's code changed": lambda r: (
        (region := Territory.objects.get(code="R84")),
        setattr(region, "code", "R99"),
        region.save(),
    ),
    "a sub-rubrique moved": lambda r: (
        (rubrique := Rubrique.objects.get(slug="co-construire-en-territoire")),
        setattr(rubrique, "parent", Rubrique.objects.get(slug="se-former")),
        rubrique.save(),
        Rubrique.objects.rebuild_scopes(),
    ),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_every_change_keeps_the_stored_keys_current(resource, change):
    before = stored(resource)
    change(Resource.objects.get(pk=resource.pk))
    after = stored(resource)
    assert after == rebuilt(resource)
    assert after != before  # each change does change the keys: the test would see a missed one


def test_a_renamed_keyword_changes_the_key_of_its_resources(resource):
    resource.tags.add("ancien nom")
    tag = Tag.objects.get(name="ancien nom")
    tag.slug = "nouveau-nom"
    tag.save()
    assert "mot_cle:nouveau-nom" in stored(resource) and "mot_cle:ancien-nom" not in stored(resource)


def test_migrate_fills_the_resources_never_indexed_and_the_command_rebuilds_all(resource, capsys):
    Resource.objects.filter(pk=resource.pk).update(facet_keys=None)
    facet_index.fill_missing()
    assert "profil:associations" in stored(resource)

    Resource.objects.update(facet_keys={"profil:faux": 1})  # as raw SQL would leave it
    call_command("reindex_facets")
    assert "profil:faux" not in stored(resource) and "profil:associations" in stored(resource)
    assert not Resource.objects.filter(facet_keys__has_key="profil:faux").exists()
    assert "Index des facettes recalculé" in capsys.readouterr().out


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stockage propre à PostgreSQL")
def test_search_vector_and_keys_stay_in_the_row_on_postgresql():
    """Out of line (TOAST), each `@@` or key read would cost an index lookup per row (migration 0007)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'core_resource'::regclass"
            " AND attname IN ('search_vector', 'facet_keys')"
        )
        assert dict(cursor.fetchall()) == {"search_vector": "m", "facet_keys": "m"}


def test_nothing_to_index_or_count_is_no_error():
    facet_index.reindex(Resource.objects.filter(pk__in=[]))
    tally = facet_index.counts([], {"profil": ["collectivites"]})
    assert tally.total == 0 and tally.counts["profil"] == {} and tally.matching({}) == {}
    Kind.objects.create(slug="sans-ressource", name="Sans ressource").delete()  # linked to nothing


def test_keyword_links_saved_or_deleted_as_rows_update_the_keys(resource):
    """taggit's own admin (inline, merge of keywords) saves and deletes TaggedItem rows."""
    tag = Tag.objects.create(name="Fusionné", slug="fusionne")
    link = TaggedItem.objects.create(tag=tag, content_object=Resource.objects.get(pk=resource.pk))
    assert "mot_cle:fusionne" in stored(resource)
    link.delete()
    assert "mot_cle:fusionne" not in stored(resource)


def keys_rewritten(queries):
    return [query for query in queries if "facet_keys = " in query["sql"]]


def test_saves_that_change_no_key_rewrite_nothing(resource):
    profile = Profile.objects.get(slug="associations")
    with CaptureQueriesContext(connection) as queries:
        profile.order += 1
        profile.save()  # the admin's list_editable order
        Territory.objects.rebuild_scopes()  # a territory saved without a new parent
        resource.status = Resource.Status.ARCHIVED
        resource.save(update_fields=["status", "updated_at"])  # the admin's status actions
    assert not keys_rewritten(queries.captured_queries)
    with CaptureQueriesContext(connection) as queries:
        profile.slug = "assos"
        profile.save()
    assert keys_rewritten(queries.captured_queries) and "profil:assos" in stored(resource)


def test_many_resources_are_reindexed_a_chunk_at_a_time(resource):
    others = [
        ResourceFactory(tagged={"profiles": [Profile.objects.get(slug="associations")]}) for _ in range(3)
    ]
    ids = [resource.pk, *(other.pk for other in others)]
    Resource.objects.filter(pk__in=ids).update(facet_keys={"profil:faux": 1})
    facet_index.reindex_ids(ids, chunk=2)
    assert all("profil:associations" in stored(row) for row in [resource, *others])


def test_migrating_back_before_the_index_does_not_look_for_it(resource):
    Resource.objects.filter(pk=resource.pk).update(facet_keys=None)
    state = MigrationLoader(connection).project_state(("core", "0005_resource_indexes")).apps
    facet_index.fill_missing(apps=state)  # no such column at that state (it would fail there)
    assert Resource.objects.get(pk=resource.pk).facet_keys is None
    facet_index.fill_missing(apps=MigrationLoader(connection).project_state().apps)
    assert "profil:associations" in stored(resource)


def published_ids():
    return list(Resource.objects.published().values_list("pk", flat=True))


def test_in_memory_sets_are_read_once_then_follow_each_change(django_assert_num_queries):
    ids = published_ids()
    with django_assert_num_queries(1):  # every resource's keys, read once by this process
        before = facet_index.counts(ids).counts["profil"].get("associations", 0)
    with django_assert_num_queries(0):
        assert facet_index.counts(ids).counts["profil"].get("associations", 0) == before
    added = ResourceFactory(tagged={"profiles": [Profile.objects.get(slug="associations")]})
    counted = facet_index.counts([*ids, added.pk]).counts["profil"]
    assert counted["associations"] == before + 1  # nothing forgotten by hand: the save moved the version
    added.profiles.clear()
    assert facet_index.counts([*ids, added.pk]).counts["profil"]["associations"] == before


def test_each_facet_is_counted_under_the_others_only():
    ids = published_ids()
    chosen = {"profil": ["collectivites"], "format": ["document"]}
    tally = facet_index.counts(ids, chosen)
    published = Resource.objects.published()
    both = published.filter(profiles__slug="collectivites", format="document").distinct()
    assert tally.total == both.count() > 0
    assert tally.matching(dict.fromkeys(ids)).keys() == set(both.values_list("pk", flat=True))
    documents = published.filter(format="document", profiles__slug="associations").distinct().count()
    assert tally.counts["profil"]["associations"] == documents  # under « document » only
    collectivites = published.filter(profiles__slug="collectivites", format="video").distinct().count()
    assert tally.counts["format"].get("video", 0) == collectivites  # under « collectivités » only


def test_a_commit_moves_the_version_again(django_capture_on_commit_callbacks):
    """Saved, the change retires what is cached; committed, what was computed in between too."""
    with django_capture_on_commit_callbacks(execute=True):
        ResourceFactory()
        saved = freshness.current(freshness.CONTENT)
    assert freshness.current(freshness.CONTENT) != saved
