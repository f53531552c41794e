"""The visitor's and the editor's main journeys, in a real browser."""

import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from odd17.core.models import Kind, Resource, Rubrique


def test_visitor_browses_an_axis_filters_and_opens_a_resource(page):
    page.goto("/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Pérenniser"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pérenniser")
    page.get_by_role("link", name="Se former").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se former")
    card = page.locator(".card").first
    title = card.locator("h3").inner_text()
    card.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_visitor_filters_the_resource_list_by_profile_and_territory(page):
    page.goto("/ressources/")
    total = int(re.match(r"\d+", page.locator("#titre-resultats").inner_text()).group())
    page.get_by_label("Profil d'acteur").select_option(label="Collectivités territoriales")
    page.get_by_label("Territoire").select_option(label="Corrèze (19)")
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page).to_have_url(re.compile(r"profil=collectivites.*territoire=19"))
    filtered = int(re.match(r"\d+", page.locator("#titre-resultats").inner_text()).group())
    assert 0 < filtered < total
    page.locator(".card h3 a").first.click()
    tags = page.get_by_role("region", name="Classement")
    expect(tags.get_by_role("link", name="Collectivités territoriales")).to_be_visible()


def test_admin_publishes_a_draft(page):
    get_user_model().objects.create_superuser("admin@example.org", "admin@example.org", "un-Mot-de-passe-42")
    draft = Resource.objects.create(
        title="Fiche en attente de relecture",
        slug="fiche-en-attente",
        summary="Une fiche à publier.",
        kind=Kind.objects.get(slug="guide"),
    )
    draft.rubriques.add(Rubrique.objects.get(slug="se-former"))
    assert page.goto(draft.get_absolute_url()).status == 404

    page.goto("/admin/")
    page.get_by_label("Nom d’utilisateur").fill("admin@example.org")
    page.get_by_label("Mot de passe").fill("un-Mot-de-passe-42")
    page.get_by_role("button", name="Connexion").click()
    page.goto("/admin/core/resource/?status__exact=brouillon")
    page.get_by_role("row", name=re.compile("Fiche en attente")).get_by_role("checkbox").check()
    page.get_by_role("combobox", name="Action").select_option(label="Publier")
    page.get_by_role("button", name="Envoyer").click()
    expect(page.get_by_text("1 ressource(s) : publier.")).to_be_visible()

    assert page.goto(draft.get_absolute_url()).status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Fiche en attente de relecture")
