"""One publishing workflow (odd17/core/models/publishing.py) for resources and catalyseurs."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from catalyseurs.models import Catalyseur
from odd17.core import changes
from odd17.core.models import Publishable, Resource, Status
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db
PUBLISHABLE = [Resource, Catalyseur]


def make(model, **fields):
    if model is Resource:
        return ResourceFactory(**fields)
    return Catalyseur.objects.create(
        name="Catalyseur de test", slug="catalyseur-de-test", summary="Test.", **fields
    )


@pytest.mark.parametrize("model", PUBLISHABLE, ids=lambda m: m.__name__)
def test_both_models_share_the_workflow(model):
    assert issubclass(model, Publishable)
    assert model.Status is Status
    assert [value for value, _ in model._meta.get_field("status").choices] == [
        "brouillon",
        "propose",
        "relecture",
        "publie",
        "archive",
    ]


@pytest.mark.parametrize("model", PUBLISHABLE, ids=lambda m: m.__name__)
def test_published_honours_the_publication_date(model):
    today = timezone.localdate()
    later = make(model, status=Status.PUBLISHED, published_on=today + datetime.timedelta(days=3))
    assert not model.objects.published().filter(pk=later.pk).exists()
    assert not later.is_public
    later.published_on = today
    later.save()
    assert model.objects.published().filter(pk=later.pk).exists()


@pytest.mark.parametrize("model", PUBLISHABLE, ids=lambda m: m.__name__)
@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("submit_for_review", "relecture"),
        ("publish", "publie"),
        ("unpublish", "brouillon"),
        ("archive", "archive"),
    ],
)
def test_each_action_records_who_moved_it_and_when(model, action, status, django_user_model):
    editor = django_user_model.objects.create_user("redaction@example.org")
    obj = make(model, status=Status.PROPOSED)
    before = timezone.now()
    getattr(obj, action)(by=editor)
    obj.refresh_from_db()
    assert obj.status == status
    assert obj.status_changed_by == editor
    assert obj.status_changed_at >= before


@pytest.mark.parametrize(
    ("model", "url"),
    [(Resource, "admin:core_resource_changelist"), (Catalyseur, "admin:catalyseurs_catalyseur_changelist")],
    ids=["Resource", "Catalyseur"],
)
def test_bulk_actions_go_through_the_workflow(editor_client, model, url):
    obj = make(model, status=Status.REVIEW)
    version = changes.version()
    response = editor_client.post(
        reverse(url), {"action": "publish", "_selected_action": [obj.pk]}, follow=True
    )
    obj.refresh_from_db()
    assert obj.status == Status.PUBLISHED
    assert obj.status_changed_by.username == "editrice@example.org"
    assert changes.version() != version
    assert f"1 {model._meta.verbose_name} : publier." in response.content.decode()


def test_a_status_changed_in_the_form_records_the_editor(staff_client):
    resource = ResourceFactory(status=Status.DRAFT)
    page = staff_client.get(reverse("admin:core_resource_change", args=[resource.pk]))
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(status=Status.REVIEW, tags="")
    data = {key: value for key, value in data.items() if value != []}
    response = staff_client.post(reverse("admin:core_resource_change", args=[resource.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    resource.refresh_from_db()
    assert resource.status == Status.REVIEW
    assert resource.status_changed_by.username == "admin@example.org"
