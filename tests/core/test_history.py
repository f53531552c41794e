"""History of the curated models (odd17/core/history.py): versions, readable changes, exact revert."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from catalyseurs.models import Catalyseur
from odd17.core import changes, history, registry
from odd17.core.models import Domain, Organisation, Resource
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (a version is written then) as each block ends."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def test_one_version_per_save_holds_the_many_to_many_values_and_tags(committed):
    producers = list(Organisation.objects.all()[:2])
    with committed():
        resource = ResourceFactory(tagged={"producers": producers})
        resource.tags.set(["Alliances", "Coopération"])
    version = resource.history.get()
    assert version.history_type == "+"
    assert version.relations["producers"] == sorted(p.pk for p in producers)
    assert version.relations["tags"] == ["Alliances", "Coopération"]


def test_revert_restores_the_exact_previous_values_tags_included(committed, django_user_model):
    editor = django_user_model.objects.create_user("relecture@example.org")
    first, second = Organisation.objects.all()[:2]
    domains = list(Domain.objects.all()[:3])
    with committed():
        resource = ResourceFactory(
            title="Premier titre", tagged={"producers": [first], "domains": domains[:2]}
        )
        resource.tags.set(["Alliances", "Territoires"])
    old = resource.history.get()
    with committed():
        resource.title = "Titre changé"
        resource.save()
        resource.producers.set([second])
        resource.domains.set(domains[2:])
        resource.tags.set(["Autre mot"])
    assert resource.history.count() == 2

    with committed():
        history.revert(old, by=editor)

    resource = Resource.objects.get(pk=resource.pk)
    assert resource.title == "Premier titre"
    assert list(resource.producers.all()) == [first]
    assert set(resource.domains.all()) == set(domains[:2])
    assert sorted(resource.tags.names()) == ["Alliances", "Territoires"]
    latest = resource.history.latest()
    assert latest.history_user == editor
    assert latest.history_change_reason.startswith("Retour à la version du")
    assert latest.relations == old.relations


def test_revert_restores_a_catalyseurs_metiers_with_what_it_does_in_each(committed):
    catalyseur = Catalyseur.objects.filter(roles__isnull=False).distinct().first()
    with committed():
        catalyseur.save()
    old = catalyseur.history.latest()
    roles = list(catalyseur.roles.values_list("metier_id", "description", "order"))
    with committed():
        catalyseur.roles.update(description="Réécrit")
        catalyseur.roles.first().delete()
    assert catalyseur.history.latest().relations != old.relations
    with committed():
        history.revert(old)
    assert list(catalyseur.roles.values_list("metier_id", "description", "order")) == roles


def test_the_admin_lists_versions_with_readable_changes_and_reverts_one(staff_client, committed):
    first, second = Organisation.objects.order_by("name")[:2]
    with committed():
        resource = ResourceFactory(title="Avant", tagged={"producers": [first]})
    old = resource.history.get()
    with committed():
        resource.title = "Après"
        resource.save()
        resource.producers.set([second])
        resource.tags.set(["Nouveau mot"])

    page = staff_client.get(reverse("admin:core_resource_history", args=[resource.pk])).content.decode()
    assert "Avant" in page and "Après" in page
    assert f"{first.name}" in page and f"{second.name}" in page  # by name, not by id
    assert "Nouveau mot" in page

    url = reverse("admin:core_resource_simple_history", args=[resource.pk, old.history_id])
    confirm = staff_client.get(url)
    assert confirm.status_code == 200
    assert "Revenir à cette version" in confirm.content.decode()
    with committed():
        response = staff_client.post(url)
    assert response.status_code == 302
    assert resource.history.latest().history_user.username == "admin@example.org"  # who went back
    resource.refresh_from_db()
    assert resource.title == "Avant"
    assert list(resource.producers.all()) == [first]
    assert list(resource.tags.names()) == []


def test_history_is_not_public_content():
    public = set(changes.tables(registry.public_models()))
    assert not {table for table in public if "historical" in table}
    resource = Resource.objects.published().first()
    version = changes.version()
    Resource.history.model.objects.update(history_change_reason="relu")
    assert changes.version() == version
    Resource.objects.filter(pk=resource.pk).update(featured=not resource.featured)
    assert changes.version() != version


def test_reloading_the_same_content_writes_no_version(committed):
    counts = [Resource.history.count(), Catalyseur.history.count(), Domain.history.count()]
    with committed():
        call_command("load_content", verbosity=0)
    assert [Resource.history.count(), Catalyseur.history.count(), Domain.history.count()] == counts
    resource = Resource.objects.published().first()
    with committed():
        resource.summary = "Un résumé réécrit."
        resource.save()
    assert resource.history.latest().summary == "Un résumé réécrit."
