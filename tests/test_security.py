"""Production safety: Content Security Policy, Permissions-Policy, login throttling, admin path,
password rules."""

import importlib

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import clear_url_caches, reverse

from odd17.csp import tile_source

pytestmark = pytest.mark.django_db
PASSWORD = "x-Long-pass-42"


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_get_a_strict_policy(client):
    policy = directives(client.get("/"))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["form-action"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)


def test_error_pages_get_it_too(client):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


@pytest.mark.parametrize(
    ("tile_url", "source"),
    [
        ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"),
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("/static/tuiles/{z}/{x}/{y}.png", None),
    ],
)
def test_images_may_come_from_the_map_tile_host(client, settings, tile_url, source):
    settings.MAP_TILE_URL = tile_url
    assert tile_source(tile_url) == source
    assert directives(client.get("/"))["img-src"] == ["'self'", "data:", *([source] if source else [])]


def test_the_admin_gets_the_same_strict_policy(staff_client):
    policy = directives(staff_client.get(reverse("admin:core_resource_add")))
    assert policy["style-src"] == ["'self'"] and policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_security_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


# Permissions-Policy: the browser features the portal never uses are refused on every response.

DENIED = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "interest-cohort"]


def permissions(response):
    header = response["Permissions-Policy"]
    return dict(part.strip().split("=", 1) for part in header.split(","))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/nulle-part/",
        "/catalyseurs/carte/",
        "/catalyseurs/carte.geojson",
        "/static/css/site.css",
        "/healthz",
    ],
)
def test_every_response_refuses_the_features_the_portal_never_uses(client, settings, url):
    settings.WHITENOISE_USE_FINDERS = True  # static files served from static/, as while developing
    for _ in ("rendered", "from the page cache"):
        response = client.get(url)
        assert response.status_code == (404 if url == "/nulle-part/" else 200)
        policy = permissions(response)
        assert all(policy[feature] == "()" for feature in DENIED), url


def test_the_admin_and_a_304_refuse_them_too(client, staff_client):
    etag = Client().get("/trouver/")["ETag"]
    not_modified = Client().get("/trouver/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and permissions(not_modified)["camera"] == "()"
    assert permissions(staff_client.get(reverse("admin:index")))["geolocation"] == "()"


# Login throttling (django-axes) on the admin login.


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin@example.org", "admin@example.org", PASSWORD)


def log_in(client, password, username="admin@example.org"):
    return client.post(reverse("admin:login"), {"username": username, "password": password})


def test_a_good_login_before_the_limit_gets_in_and_starts_the_count_again(client, admin_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "mauvais").status_code == 200  # the form again, with its error
    assert log_in(client, PASSWORD).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200  # logged in
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "mauvais").status_code == 200  # the success reset the count
    assert log_in(client, PASSWORD).status_code == 302


def test_too_many_failures_lock_the_account_out_with_a_french_page(client, admin_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "mauvais").status_code == 200
    response = log_in(client, "mauvais")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Connexion temporairement bloquée" in html and "15 minutes" in html
    # Even the right password is refused while locked out, and nobody is logged in.
    assert log_in(client, PASSWORD).status_code == 429
    assert client.get(reverse("admin:index")).status_code == 302
    # Another account is not locked by these failures.
    other = admin_user.__class__.objects.create_superuser("autre@example.org", "autre@example.org", PASSWORD)
    assert log_in(client, PASSWORD, username=other.username).status_code == 302


# The admin's path is a setting (ADMIN_PATH), so it need not be the well-known /admin/.


def test_admin_is_served_on_the_configured_path(client):
    import odd17.urls

    try:
        with override_settings(ADMIN_PATH="gestion-interne/"):
            importlib.reload(odd17.urls)
            clear_url_caches()
            assert reverse("admin:index") == "/gestion-interne/"
            response = client.get("/gestion-interne/")
            assert response.status_code == 302 and response["Location"].startswith("/gestion-interne/login/")
            assert client.get("/admin/").status_code == 404
    finally:
        importlib.reload(odd17.urls)
        clear_url_caches()
    assert reverse("admin:index") == "/admin/"


# Passwords are validated (settings.AUTH_PASSWORD_VALIDATORS).


@pytest.mark.parametrize(
    "weak",
    ["court-1A", "qwertyuiop12", "123456789012", "password1234", "admin@example.org"],
    ids=["trop-court", "courant", "numerique", "courant-anglais", "comme-l-identifiant"],
)
def test_a_weak_password_is_refused(weak, django_user_model):
    user = django_user_model(username="admin@example.org", email="admin@example.org")
    with pytest.raises(ValidationError):
        validate_password(weak, user)


def test_a_strong_password_is_accepted(django_user_model):
    validate_password("Partenariats-Territoriaux-2030", django_user_model(username="admin@example.org"))


def test_the_admin_refuses_a_weak_password_for_a_new_account(staff_client, django_user_model):
    data = {
        "username": "nouveau",
        "password1": "motdepasse",
        "password2": "motdepasse",
        "usable_password": "true",
    }
    response = staff_client.post(reverse("admin:auth_user_add"), data)
    assert response.status_code == 200
    assert "Ce mot de passe est trop court" in response.content.decode()
    assert not django_user_model.objects.filter(username="nouveau").exists()
