"""Whole pages for anonymous visitors: served from the cache, retired by any content change,
never shared with a logged-in user, never stored when personal; and the HTTP caching headers that
let browsers and a CDN keep them (Cache-Control, validators, 304), static files included."""

import gzip
import json

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client
from django.utils.http import http_date, parse_http_date

from catalyseurs.models import Catalyseur
from comprendre.models import KeyFigure
from odd17.core import freshness
from odd17.core.models import Domain, Resource
from tests.processes import run_django

pytestmark = pytest.mark.django_db

RESOURCE = "/ressources/guide-s-ancrer-dans-les-territoires-pour-gagner-en-performance/"


def test_a_second_anonymous_visit_is_served_from_the_cache_without_a_query(client, django_assert_num_queries):
    first = client.get("/ressources/?profil=collectivites")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/ressources/?profil=collectivites")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second  # the outer middlewares still dress the answer


def test_each_url_is_its_own_page(client):
    client.get("/ressources/?profil=collectivites")
    other = client.get("/ressources/?profil=associations")
    assert other["X-Page-Cache"] == "miss"


def rename_resource():
    resource = Resource.objects.get(slug="guide-s-ancrer-dans-les-territoires-pour-gagner-en-performance")
    resource.title = "Un titre tout neuf"
    resource.save()


def rename_catalyseur():
    catalyseur = Catalyseur.objects.get(slug="cerdd")
    catalyseur.name = "Un titre tout neuf"
    catalyseur.save()


def change_key_figure():
    figure = KeyFigure.objects.filter(source__slug="ville-durable-de-loos-en-gohelle").first()
    figure.label = "Un titre tout neuf"
    figure.save()


def tag_domain():
    """A many-to-many change alone (no save of the resource): its detail page lists the domain."""
    resource = Resource.objects.get(slug="guide-s-ancrer-dans-les-territoires-pour-gagner-en-performance")
    domain = Domain.objects.exclude(resources=resource).first()
    domain.name = "Un titre tout neuf"
    Domain.objects.filter(pk=domain.pk).update(name=domain.name)  # no signal: the link's counts
    resource.domains.add(domain)


@pytest.mark.parametrize(
    ("url", "change"),
    [
        (RESOURCE, rename_resource),
        ("/catalyseurs/?territoire=R32", rename_catalyseur),
        ("/agir/exemples-inspirants/ville-durable-de-loos-en-gohelle/", change_key_figure),
        (RESOURCE, tag_domain),
    ],
)
def test_any_change_of_what_a_page_shows_retires_the_stored_pages(client, url, change):
    assert "Un titre tout neuf" not in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    change()
    fresh = client.get(url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Un titre tout neuf" in fresh.content.decode()


def test_a_logged_in_visitor_neither_reads_nor_fills_the_page_cache(staff_client):
    client = Client()  # anonymous (the `client` fixture is the one staff_client logs in)
    staff_client.get(RESOURCE)
    staff = staff_client.get(RESOURCE)
    assert "X-Page-Cache" not in staff
    assert client.get(RESOURCE)["X-Page-Cache"] == "miss"  # the staff visits stored nothing
    assert "X-Page-Cache" not in staff_client.get(RESOURCE)  # and the anonymous page is not theirs


def test_pages_with_a_form_and_errors_are_never_stored(client):
    Catalyseur.objects.filter(slug="cerdd").update(contact_email="contact@cerdd.example")
    card = "/catalyseurs/cerdd/"  # its « Solliciter un pair » form sets the CSRF cookie
    assert "csrftoken" in client.get(card).cookies
    client.cookies.clear()
    assert "X-Page-Cache" not in client.get(card)
    assert client.get("/ressources/pas-de-telle-ressource/").status_code == 404
    assert "X-Page-Cache" not in client.get("/ressources/pas-de-telle-ressource/")


def test_pages_travel_compressed_to_browsers_that_accept_it(client):
    plain = client.get("/ressources/").content
    compressed = client.get("/ressources/", HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    again = client.get("/ressources/", HTTP_ACCEPT_ENCODING="gzip")
    assert again["X-Page-Cache"] == "hit" and again.content == compressed.content  # stored compressed
    assert gzip.decompress(compressed.content) == plain
    assert len(compressed.content) < len(plain) / 3


def test_publishing_catalyseurs_in_bulk_from_the_admin_retires_the_stored_pages(staff_client):
    visitor = Client()
    cerdd = Catalyseur.objects.get(slug="cerdd")
    cerdd.status = Catalyseur.Status.DRAFT
    cerdd.save()
    url = "/catalyseurs/?territoire=R32"
    assert "CERDD" not in visitor.get(url).content.decode()
    assert visitor.get(url)["X-Page-Cache"] == "hit"
    staff_client.post(
        "/admin/catalyseurs/catalyseur/",
        {"action": "publish", "_selected_action": [cerdd.pk]},
    )
    published = Catalyseur.objects.get(pk=cerdd.pk)
    assert published.status == Catalyseur.Status.PUBLISHED
    assert published.updated_at > cerdd.updated_at  # the bulk update dates the change too
    assert "CERDD" in visitor.get(url).content.decode()


# HTTP caching: what browsers and a CDN may keep, and the answers to their conditional requests.


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_an_anonymous_page_may_be_kept_by_browsers_and_a_cdn(client):
    for state in ("miss", "hit"):
        response = client.get("/ressources/?profil=collectivites")
        assert response["X-Page-Cache"] == state
        assert cache_control(response) == {"public", "max-age=60", "s-maxage=300"}
        assert response["ETag"].startswith('"') and parse_http_date(response["Last-Modified"])
        # One copy per URL and encoding, for visitors without a session: no other header counts.
        assert response["Vary"] == "Accept-Encoding, Cookie"


def test_the_lifetimes_are_settings(client, settings):
    settings.PAGE_MAX_AGE, settings.PAGE_SHARED_MAX_AGE = 30, 3600
    assert cache_control(client.get("/trouver/")) == {"public", "max-age=30", "s-maxage=3600"}


@pytest.mark.parametrize("state", ["miss", "hit"])
def test_a_copy_still_valid_answers_304_without_a_body(client, state):
    url = "/ressources/?profil=collectivites"
    first = client.get(url)
    if state == "miss":
        freshness.bump()  # another change retires the stored page: rendered again, it is the same
    response = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304 and response.content == b""
    assert response["X-Page-Cache"] == state
    assert response["ETag"] == first["ETag"] and "public" in cache_control(response)
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304 and since.content == b""


def test_a_copy_older_than_the_page_gets_the_page(client):
    url = "/ressources/?profil=collectivites"
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH='"une-autre-version"').status_code == 200
    long_ago = http_date(parse_http_date(first["Last-Modified"]) - 3600)
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=long_ago)
    assert again.status_code == 200 and again.content == first.content


def test_a_content_change_changes_the_validator(client):
    before = client.get(RESOURCE)
    rename_resource()
    after = client.get(RESOURCE, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and "Un titre tout neuf" in after.content.decode()
    assert after["ETag"] != before["ETag"]


def test_the_compressed_copy_has_the_same_validator_weakened(client):
    plain = client.get("/ressources/")
    compressed = client.get("/ressources/", HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip" and compressed["ETag"] == f"W/{plain['ETag']}"
    freshness.bump()
    again = client.get("/ressources/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=compressed["ETag"])
    assert again.status_code == 304 and again["X-Page-Cache"] == "miss"  # recompressed, still the same


def is_private(response):
    control = cache_control(response)
    return "private" in control and "public" not in control and "s-maxage=300" not in control


def test_a_logged_in_visitor_gets_private_pages(staff_client):
    for url in (RESOURCE, "/admin/"):
        response = staff_client.get(url)
        assert response.status_code == 200 and is_private(response), url
        assert "ETag" not in response


def test_a_visitor_with_a_message_waiting_gets_private_pages(client):
    client.cookies[CookieStorage.cookie_name] = "un-message"
    assert is_private(client.get(RESOURCE))


def test_a_page_with_a_form_is_private(client):
    Catalyseur.objects.filter(slug="cerdd").update(contact_email="contact@cerdd.example")
    response = client.get("/catalyseurs/cerdd/")
    assert "csrftoken" in response.cookies and is_private(response)


@pytest.mark.parametrize("url", ["/ressources/pas-de-telle-ressource/", "/comprendre/fiches-reperes"])
def test_errors_and_redirects_are_private(client, url):
    response = client.get(url)
    assert response.status_code in (301, 404) and is_private(response)
    assert client.get(url, HTTP_IF_NONE_MATCH="*").status_code == response.status_code


def test_a_form_sent_gets_a_private_answer(client):
    response = client.post("/catalyseurs/cerdd/solliciter/", {})
    assert is_private(response)


# Static files, with the production settings (DEBUG=0, the manifest of hashed names), in a process
# of their own: WhiteNoise reads its settings and the files once.
STATIC = """
import json
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client
call_command("collectstatic", "--noinput", verbosity=0)
client = Client()
urls = static("css/site.css"), "/static/css/site.css"
print(json.dumps({url: client.get(url)["Cache-Control"] for url in urls}))
"""


def test_hashed_static_names_are_kept_for_ever_and_plain_names_a_minute(tmp_path):
    env = {
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(tmp_path),
        "LOG_LEVEL": "WARNING",
    }
    (hashed, hashed_control), (plain, plain_control) = json.loads(run_django(STATIC, env)).items()
    assert hashed != plain and hashed.startswith("/static/css/site.")
    assert hashed_control == "max-age=315360000, public, immutable"
    assert plain_control == "max-age=60, public"
