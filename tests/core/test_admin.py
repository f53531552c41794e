"""Curation in the admin: every page loads, bulk actions change the status, editors can curate."""

import pytest
from django.contrib import admin
from django.urls import reverse

from odd17.core.models import Resource
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db
CURATED_APPS = {"comprendre", "agir", "perenniser", "catalyseurs"}
MODELS = [model for model in admin.site._registry if model._meta.app_label in {"core", *CURATED_APPS}]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_and_add_pages_load_for_staff(staff_client, model):
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert staff_client.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert staff_client.get(reverse(f"{prefix}_add")).status_code == 200


def test_change_page_of_a_real_resource_loads(staff_client):
    resource = Resource.objects.published().first()
    response = staff_client.get(reverse("admin:core_resource_change", args=[resource.pk]))
    assert response.status_code == 200
    assert resource.title in response.content.decode()


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("publish", Resource.Status.PUBLISHED),
        ("unpublish", Resource.Status.DRAFT),
        ("archive", Resource.Status.ARCHIVED),
    ],
)
def test_bulk_actions_change_the_status(editor_client, action, status):
    start = Resource.Status.DRAFT if action == "publish" else Resource.Status.PUBLISHED
    resources = [ResourceFactory(status=start) for _ in range(3)]
    response = editor_client.post(
        reverse("admin:core_resource_changelist"),
        {"action": action, "_selected_action": [r.pk for r in resources]},
        follow=True,
    )
    assert response.status_code == 200
    assert {r.status for r in Resource.objects.filter(pk__in=[r.pk for r in resources])} == {status}


def test_editor_publishes_a_draft_which_then_appears(editor_client, client):
    resource = ResourceFactory(status=Resource.Status.DRAFT)
    assert client.get(resource.get_absolute_url()).status_code == 404
    editor_client.post(
        reverse("admin:core_resource_changelist"), {"action": "publish", "_selected_action": [resource.pk]}
    )
    assert client.get(resource.get_absolute_url()).status_code == 200


def test_editors_curate_resources_but_only_read_official_vocabularies(editor_client):
    assert editor_client.get(reverse("admin:core_resource_add")).status_code == 200
    assert editor_client.get(reverse("admin:core_organisation_add")).status_code == 200
    assert editor_client.get(reverse("admin:core_goal_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:core_goal_add")).status_code == 403
    assert editor_client.get(reverse("admin:core_territory_add")).status_code == 403


def test_resource_autocomplete_for_tags_answers(staff_client):
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {"term": "Rhô", "app_label": "core", "model_name": "resource", "field_name": "territories"},
    )
    assert "Rhône (69)" in [result["text"] for result in response.json()["results"]]


@pytest.mark.parametrize(
    "model",
    [m for m in MODELS if m._meta.app_label in CURATED_APPS and m.__name__ != "Commune"],
    ids=lambda model: model.__name__,
)
def test_editors_curate_the_detail_models_of_every_app(editor_client, model):
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert editor_client.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert editor_client.get(reverse(f"{prefix}_add")).status_code == 200
