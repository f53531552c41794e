"""Who may change what: every view that changes data, for each role, with the expected outcome.

Roles: anonymous, member (logged in, not staff), editor (group « Éditeurs »), admin (superuser).
Outcomes: LOGIN (sent to the admin login, nothing changed), DENIED (403, nothing changed),
ALLOWED (the change is made, or for an empty form the form is shown back with its errors).

The admin views are derived from the admin registry, so a newly registered model is covered as
soon as its editors' rights are written in EDITOR_RIGHTS (a test fails until they are).
A public form that changes data gets one line in PUBLIC_FORMS.
"""

from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.urls import reverse

from odd17.core.models import Kind, Metier, Resource, Territory
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

LOGIN, DENIED, ALLOWED = "connexion", "refusé", "autorisé"
ROLES = ["anonyme", "membre", "editeur", "admin"]
CURATE = {"add", "change", "delete"}
READ = set()  # may read (the « view » permission), change nothing

# What the « Éditeurs » group may do on each model of the admin (reading is always allowed to staff).
EDITOR_RIGHTS = {
    "core.resource": CURATE,
    "core.organisation": CURATE,
    "core.rubrique": CURATE,
    "core.metier": CURATE,
    "taggit.tag": CURATE,
    "core.profile": READ,
    "core.domain": READ,
    "core.territory": READ,
    "core.goal": READ,
    "core.target": READ,
    "core.kind": READ,
    # The axis apps' own detail models (granted by each app's migration 0002).
    "agir.story": CURATE,
    "agir.kitvolet": CURATE,
    "comprendre.goalguide": CURATE,
    "comprendre.targetguide": CURATE,
    "comprendre.keyfigure": CURATE,
    "comprendre.knowledgebase": CURATE,
    "perenniser.training": CURATE,
    "perenniser.accompaniment": CURATE,
    "perenniser.researchwork": CURATE,
    # catalyseurs: communes come from the official divisions (manage.py build_communes)
    "catalyseurs.catalyseur": CURATE,
    "catalyseurs.commune": READ,
}


def solicit_a_peer():
    """« Solliciter un pair » on a catalyseur with a contact address: (url, how to tell it worked)."""
    from django.core import mail

    from catalyseurs.models import Catalyseur

    catalyseur = Catalyseur.objects.published().first()
    catalyseur.contact_email = "contact@example.org"
    catalyseur.save()
    sent = len(mail.outbox)
    return reverse("catalyseurs:solicit", args=[catalyseur.slug]), lambda: len(mail.outbox) > sent


EVERYONE = dict.fromkeys(ROLES, (302, True))  # a public form: every visitor may send it
# Public forms that change data: (name, set-up giving (url, worked), valid data, expected per role).
PUBLIC_FORMS = [
    (
        "solliciter-un-pair",
        solicit_a_peer,
        {
            "nom": "Camille Martin",
            "email": "camille@example.org",
            "message": "Bonjour, pouvons-nous échanger ?",
        },
        EVERYONE,
    ),
]


def admin_models():
    """Every model of the admin but the login throttling records (see the last test)."""
    models = [model for model in admin.site._registry if model._meta.app_label != "axes"]
    return sorted(models, key=lambda model: model._meta.label_lower)


@dataclass
class Case:
    name: str
    model: type
    right: str


def cases():
    for model in admin_models():
        for right in ("add", "change", "delete", "delete_selected"):
            yield Case(f"{model._meta.label_lower}:{right}", model, right)


@pytest.fixture
def as_role(client, django_user_model):
    def login(role):
        if role == "anonyme":
            return client
        user = django_user_model.objects.create_user(f"{role}@example.org", f"{role}@example.org")
        if role == "editeur":
            user.is_staff = True
            user.save()
            user.groups.add(Group.objects.get(name="Éditeurs"))
        elif role == "admin":
            user.is_staff = user.is_superuser = True
            user.save()
        client.force_login(user)
        return client

    return login


# Rows created for the deletion checks where every existing row is protected or has detail rows.
FRESH = {
    Resource: lambda: ResourceFactory(),
    Kind: lambda: Kind.objects.create(name="Type de test", slug="type-de-test", plural="Types de test"),
    get_user_model(): lambda: get_user_model().objects.create_user("cible@example.org"),
    Territory: lambda: Territory.objects.create(
        code="ZZ1", name="Territoire de test", level=Territory.Level.REGION
    ),
    Metier: lambda: Metier.objects.create(name="Métier de test", slug="metier-de-test", description="Test."),
}


def deletable(model):
    """A row of `model` that nothing protects from deletion."""
    if model in FRESH:
        return FRESH[model]()
    for obj in model.objects.order_by("-pk")[:50]:
        try:
            Collector(using="default").collect([obj])
        except (ProtectedError, RestrictedError):
            continue
        return obj
    raise AssertionError(f"aucune ligne supprimable de {model.__name__} pour le test")


def outcome(response, login_url):
    if response.status_code == 302 and response["Location"].startswith(login_url):
        return LOGIN
    if response.status_code == 403:
        return DENIED
    return ALLOWED


def test_every_admin_model_has_its_editor_rights_written_down():
    missing = {m._meta.label_lower for m in admin_models()} - set(EDITOR_RIGHTS) - {"auth.user", "auth.group"}
    assert not missing, f"droits des éditeurs à écrire dans EDITOR_RIGHTS : {missing}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", list(cases()), ids=lambda case: case.name)
def test_admin_view_that_changes_data(as_role, role, case):
    model, opts = case.model, case.model._meta
    label = opts.label_lower
    if label in {"auth.user", "auth.group"}:
        want = ALLOWED if role == "admin" else (DENIED if role == "editeur" else LOGIN)
    elif role in {"anonyme", "membre"}:
        want = LOGIN
    elif role == "admin":
        want = ALLOWED
    else:
        right = "delete" if case.right == "delete_selected" else case.right
        want = ALLOWED if right in EDITOR_RIGHTS[label] else DENIED
    client = as_role(role)
    prefix = f"admin:{opts.app_label}_{opts.model_name}"
    login_url = reverse("admin:login")
    before = model.objects.count()

    if case.right == "add":
        response = client.post(reverse(f"{prefix}_add"), {})  # empty: the form says what is missing
        assert outcome(response, login_url) == want
        assert model.objects.count() == before
        if want == ALLOWED:
            assert response.status_code == 200 and "errornote" in response.content.decode()
    elif case.right == "change":
        obj = model.objects.order_by("pk").first() or deletable(model)
        snapshot = [str(getattr(obj, f.attname)) for f in opts.concrete_fields]
        response = client.post(reverse(f"{prefix}_change", args=[obj.pk]), {})
        assert outcome(response, login_url) == want
        obj.refresh_from_db()
        assert [str(getattr(obj, f.attname)) for f in opts.concrete_fields] == snapshot
        if want == ALLOWED:
            assert response.status_code == 200 and "errornote" in response.content.decode()
    else:
        obj = deletable(model)
        before = model.objects.count()
        if case.right == "delete":
            response = client.post(reverse(f"{prefix}_delete", args=[obj.pk]), {"post": "yes"})
        else:
            data = {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
            response = client.post(reverse(f"{prefix}_changelist"), data)
        gone = not model.objects.filter(pk=obj.pk).exists()
        if want == ALLOWED:
            assert response.status_code == 302 and gone, (response.status_code, gone)
        elif case.right == "delete":
            assert outcome(response, login_url) == want and not gone
        else:  # a bulk action the user may not run is not offered: refused, or back to login
            assert not gone and model.objects.count() == before
            if want == LOGIN:
                assert outcome(response, login_url) == LOGIN
        if want == ALLOWED:
            assert model.objects.count() < before


STATUS_ACTIONS = [
    ("publish", Resource.Status.DRAFT, Resource.Status.PUBLISHED),
    ("unpublish", Resource.Status.PUBLISHED, Resource.Status.DRAFT),
    ("archive", Resource.Status.PUBLISHED, Resource.Status.ARCHIVED),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("action", "start", "end"), STATUS_ACTIONS, ids=[a[0] for a in STATUS_ACTIONS])
def test_resource_status_bulk_actions(as_role, role, action, start, end):
    resource = ResourceFactory(status=start)
    client = as_role(role)
    response = client.post(
        reverse("admin:core_resource_changelist"), {"action": action, "_selected_action": [resource.pk]}
    )
    resource.refresh_from_db()
    if role in {"anonyme", "membre"}:
        assert outcome(response, reverse("admin:login")) == LOGIN
        assert resource.status == start
    else:  # editors and admins curate resources
        assert response.status_code == 302
        assert resource.status == end


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("form", PUBLIC_FORMS, ids=lambda form: form[0])
def test_public_form_that_changes_data(as_role, role, form):
    name, set_up, data, expectations = form
    url, worked = set_up()
    response = as_role(role).post(url, data)
    assert (response.status_code, worked()) == expectations[role], name


@pytest.mark.parametrize("role", ROLES)
def test_login_throttling_records_are_for_superusers_only(as_role, role):
    response = as_role(role).get(reverse("admin:axes_accessattempt_changelist"))
    want = {"anonyme": LOGIN, "membre": LOGIN, "editeur": DENIED, "admin": ALLOWED}[role]
    assert outcome(response, reverse("admin:login")) == want
