"""Whole pages for anonymous visitors: served from the cache, retired by any content change,
never shared with a logged-in user, never stored when personal."""

import pytest
from django.test import Client

from catalyseurs.models import Catalyseur
from comprendre.models import KeyFigure
from odd17.core.models import Domain, Resource

pytestmark = pytest.mark.django_db

RESOURCE = "/ressources/maison-de-services-au-public-d-ayen/"


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
    resource = Resource.objects.get(slug="maison-de-services-au-public-d-ayen")
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
    resource = Resource.objects.get(slug="maison-de-services-au-public-d-ayen")
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
    import gzip

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
        {"action": "set_publie", "_selected_action": [cerdd.pk]},
    )
    published = Catalyseur.objects.get(pk=cerdd.pk)
    assert published.status == Catalyseur.Status.PUBLISHED
    assert published.updated_at > cerdd.updated_at  # the bulk update dates the change too
    assert "CERDD" in visitor.get(url).content.decode()
