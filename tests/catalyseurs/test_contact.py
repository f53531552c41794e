"""« Solliciter un pair »: one e-mail to the catalyseur plus the sender's copy, the address never
shown, robots and floods refused, errors in French with what was typed kept."""

import pytest
from django.core import mail

from catalyseurs.models import Catalyseur
from tests.catalyseurs.conftest import ADDRESS

pytestmark = pytest.mark.django_db

MESSAGE = {
    "nom": "Camille Martin",
    "email": "camille@exemple.fr",
    "organisation": "Association des Tilleuls",
    "message": "Bonjour, nous lançons un tiers-lieu et aimerions échanger sur votre expérience.",
    "site_web": "",
}


def url(catalyseur):
    return f"/catalyseurs/{catalyseur.slug}/solliciter/"


def assert_no_leak(response):
    content = response.content.decode()
    assert ADDRESS not in content and "contact-secret" not in content
    assert all(ADDRESS not in value for value in response.headers.values())


def test_card_shows_the_form_but_never_the_address(client, reachable):
    response = client.get(reachable.get_absolute_url())
    assert response.status_code == 200
    assert "Envoyer le message" in response.content.decode()
    assert_no_leak(response)


def test_a_valid_message_sends_one_email_to_the_catalyseur_and_a_copy_without_its_address(client, reachable):
    response = client.post(url(reachable), MESSAGE, follow=True)
    assert response.redirect_chain[-1][0] == f"/catalyseurs/{reachable.slug}/solliciter/merci/"
    assert "Votre message est parti" in response.content.decode()
    assert_no_leak(response)
    to_catalyseur = [m for m in mail.outbox if ADDRESS in m.to]
    assert len(to_catalyseur) == 1
    sent = to_catalyseur[0]
    assert sent.to == [ADDRESS] and sent.reply_to == [MESSAGE["email"]] and not sent.cc and not sent.bcc
    assert MESSAGE["message"] in sent.body and "Camille Martin" in sent.subject
    copies = [m for m in mail.outbox if m is not sent]
    assert len(copies) == 1
    copy = copies[0]
    assert copy.to == [MESSAGE["email"]]
    assert MESSAGE["message"] in copy.body
    assert ADDRESS not in copy.message().as_string()


def test_the_honeypot_refuses_robots(client, reachable):
    response = client.post(url(reachable), {**MESSAGE, "site_web": "http://spam.example"})
    assert response.status_code == 400
    assert "envoi automatique" in response.content.decode()
    assert mail.outbox == []
    assert_no_leak(response)


def test_the_rate_limit_refuses_a_flood_from_one_address(client, reachable, settings):
    settings.CATALYSEURS_CONTACT_LIMIT = 2
    for _ in range(2):
        assert client.post(url(reachable), MESSAGE).status_code == 302
    sent = len(mail.outbox)
    response = client.post(url(reachable), MESSAGE)
    assert response.status_code == 429
    assert "réessayez dans une heure" in response.content.decode()
    assert MESSAGE["message"] in response.content.decode()  # the text is kept
    assert len(mail.outbox) == sent
    assert_no_leak(response)
    # Another visitor is not affected.
    assert client.post(url(reachable), MESSAGE, REMOTE_ADDR="10.1.2.3").status_code == 302


def test_errors_are_french_and_keep_what_was_typed(client, reachable):
    response = client.post(url(reachable), {**MESSAGE, "email": "pas-une-adresse", "message": "Trop court"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide." in html
    assert "au moins 20 caractères" in html
    assert 'value="pas-une-adresse"' in html and "Trop court" in html and 'value="Camille Martin"' in html
    assert mail.outbox == []
    assert_no_leak(response)


def test_html_typed_in_the_form_is_escaped(client, reachable):
    response = client.post(
        url(reachable), {**MESSAGE, "email": "x", "message": "<script>alert(1)</script> " * 3}
    )
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_a_header_injection_in_the_name_is_refused(client, reachable):
    response = client.post(url(reachable), {**MESSAGE, "nom": "Eve\nBcc: victime@exemple.fr"})
    assert "retour à la ligne" in response.content.decode()
    assert mail.outbox == []


def test_catalyseurs_without_address_say_so_and_refuse_posts(client):
    catalyseur = Catalyseur.objects.get(slug="infolab-du-crij-orleans")
    assert not catalyseur.contact_email
    html = client.get(catalyseur.get_absolute_url()).content.decode()
    assert "n'a pas encore d'adresse de contact" in html and "Envoyer le message" not in html
    assert client.post(url(catalyseur), MESSAGE).status_code == 404
    assert mail.outbox == []


def test_no_page_of_the_directory_leaks_the_address(client, reachable):
    for path in [
        "/catalyseurs/",
        "/catalyseurs/carte/",
        "/catalyseurs/carte.geojson",
        "/catalyseurs/metiers/",
        f"/catalyseurs/?q={reachable.name}",
        f"/catalyseurs/{reachable.slug}/solliciter/merci/",
    ]:
        assert_no_leak(client.get(path))
    assert client.get(url(reachable)).status_code == 405
