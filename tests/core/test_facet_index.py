"""The facet index follows the link tables, its only truth: after each kind of change, made through
the ORM, `update()` or raw SQL, the sets a process holds are those a fresh build gives, with no
signal handled and no command run; and they mean what the filters mean."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag

from catalyseurs.filters import CatalyseurFilter
from catalyseurs.models import Catalyseur
from odd17.core import changes, facet_index, freshness, registry
from odd17.core.filters import ResourceFilter
from odd17.core.models import Domain, Kind, Organisation, Profile, Resource, Rubrique, Territory
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db
INDEX = facet_index.index_of(ResourceFilter)


def held(resource):
    """The keys whose sets, as this process holds them now, contain the resource."""
    return {key for key, members in INDEX.sets().items() if resource.pk in members}


def rebuilt(resource):
    """The keys a fresh build from the tables gives."""
    return {key for key, members in INDEX.build().items() if resource.pk in members}


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
    keys = held(resource)
    # A resource of the Rhône is found from the Rhône, its région and France; not from elsewhere.
    assert {"territoire:69", "territoire:R84", "territoire:FR"} <= keys
    assert "territoire:R11" not in keys and "territoire:01" not in keys
    # A sub-rubrique's resource is found from its parent rubrique, and from its axis.
    assert {"rubrique:co-construire-en-territoire", "rubrique:axes-d-outillage", "axe:agir"} <= keys
    assert {"type:guide", "format:video", "profil:associations", "domaine:emploi"} <= keys
    assert f"critere:{Domain.objects.get(slug='emploi').criterion}" in keys
    assert not any(key.startswith("producteur:") for key in keys)


def raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


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
    "a link deleted by raw SQL": lambda r: raw(
        f"DELETE FROM {Resource.profiles.through._meta.db_table} WHERE resource_id = %s", [r.pk]
    ),
    "a kind changed by update()": lambda r: Resource.objects.filter(pk=r.pk).update(
        kind=Kind.objects.get(slug="exemple")
    ),
    "a profile renamed by update()": lambda r: Profile.objects.filter(slug="associations").update(
        slug="assos"
    ),
    "a keyword renamed by update()": lambda r: Tag.objects.filter(name="mot-clé du départ").update(
        slug="autre"
    ),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_every_change_is_followed_without_any_command(resource, change):
    before = held(resource)
    change(Resource.objects.get(pk=resource.pk))
    after = held(resource)
    assert after == rebuilt(resource)
    assert after != before  # each change does change the keys: the test would see a missed one


def published_ids():
    return list(Resource.objects.published().values_list("pk", flat=True))


def test_sets_are_read_once_then_rebuilt_only_when_the_tables_change(django_assert_num_queries):
    ids = published_ids()
    with django_assert_num_queries(2):  # the record of change, then every link, in one query
        before = INDEX.count(ids).counts["profil"].get("associations", 0)
    with django_assert_num_queries(1):  # the record of change alone: nothing moved
        assert INDEX.count(ids).counts["profil"].get("associations", 0) == before
    added = ResourceFactory(tagged={"profiles": [Profile.objects.get(slug="associations")]})
    counted = INDEX.count([*ids, added.pk]).counts["profil"]
    assert counted["associations"] == before + 1
    added.profiles.clear()
    assert INDEX.count([*ids, added.pk]).counts["profil"]["associations"] == before


def test_each_facet_is_counted_under_the_others_only():
    ids = published_ids()
    chosen = {"profil": ["collectivites"], "format": ["document"]}
    tally = INDEX.count(ids, chosen)
    published = Resource.objects.published()
    both = published.filter(profiles__slug="collectivites", format="document").distinct()
    assert tally.total == both.count() > 0
    assert tally.matching(dict.fromkeys(ids)).keys() == set(both.values_list("pk", flat=True))
    documents = published.filter(format="document", profiles__slug="associations").distinct().count()
    assert tally.counts["profil"]["associations"] == documents  # under « document » only
    collectivites = published.filter(profiles__slug="collectivites", format="video").distinct().count()
    assert tally.counts["format"].get("video", 0) == collectivites  # under « collectivités » only


def test_a_filterset_extending_another_builds_its_own_facets_only():
    from perenniser.filters import TrainingFilter

    trainings = facet_index.index_of(TrainingFilter)
    assert trainings.base is INDEX and set(trainings.own) == {"modalite"}
    assert set(trainings.build()) == {key for key in trainings.sets() if key.startswith("modalite:")}
    assert INDEX.sets().keys() < trainings.sets().keys()


def test_the_catalyseurs_have_an_index_of_their_own():
    index = facet_index.index_of(CatalyseurFilter)
    sets = index.sets()
    accompagnement = Catalyseur.objects.filter(metiers__slug="accompagnement").distinct()
    assert set(sets["metier:accompagnement"]) == set(accompagnement.values_list("pk", flat=True))
    Catalyseur.objects.filter(pk__in=accompagnement.values("pk")).update(profile=None)
    assert not any(
        key.startswith("profil:") and set(s) & set(accompagnement.values_list("pk", flat=True))
        for key, s in index.sets().items()
    )


def test_the_record_of_change_moves_with_public_tables_only():
    before = changes.version()
    Session.objects.create(session_key="x" * 32, session_data="", expire_date=timezone.now())
    assert changes.version() == before  # not a table public pages show
    table = Organisation._meta.db_table
    raw(f"UPDATE {table} SET name = name || ' ' WHERE id IN (SELECT MIN(id) FROM {table})")
    assert changes.version() != before


def test_every_public_table_has_its_trigger():
    tables = set(changes.tables(registry.public_models()))
    assert {
        "core_resource",
        "core_resource_profiles",
        "taggit_taggeditem",
        "catalyseurs_catalyseur",
    } <= tables
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers"
                " WHERE trigger_name LIKE 'odd17_content_changed%%'"
            )
        else:
            cursor.execute(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'"
                " AND name LIKE 'odd17_content_changed%'"
            )
        assert {table for (table,) in cursor.fetchall()} == tables


def test_a_rolled_back_change_never_hands_its_version_out_again(resource):
    before = changes.version()
    with pytest.raises(RuntimeError), transaction.atomic():
        resource.profiles.clear()
        inside = changes.version()
        INDEX.sets()  # built from the change that is about to be undone
        raise RuntimeError
    assert changes.version() == before != inside
    resource.territories.clear()  # another change: a new value, never the rolled-back one
    assert changes.version() not in (before, inside)
    assert held(resource) == rebuilt(resource)


def test_a_commit_moves_the_version_again(django_capture_on_commit_callbacks):
    """Saved, the change retires what is cached; committed, what was computed in between too."""
    with django_capture_on_commit_callbacks(execute=True):
        ResourceFactory()
        saved = freshness.current(freshness.CONTENT)
    assert freshness.current(freshness.CONTENT) != saved
