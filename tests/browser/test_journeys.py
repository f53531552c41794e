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


def result_count(page):
    return int(re.match(r"\d+", page.locator("#titre-resultats").inner_text()).group())


def test_visitor_filters_by_two_facets_removes_a_chip_and_follows_a_result(page):
    page.goto("/ressources/")
    total = result_count(page)
    page.locator("summary", has_text="Profil d'acteur").click()  # opens the facet's disclosure
    page.get_by_label(re.compile(r"^Collectivités territoriales \(\d+\)$")).check()
    page.locator("summary", has_text="Territoire").click()
    page.get_by_label("Ou saisir un nom ou un numéro de département").fill("Corrèze")
    page.get_by_role("button", name="Appliquer les filtres").first.click()
    expect(page).to_have_url(re.compile(r"profil=collectivites&territoire=19"))
    both = result_count(page)
    assert 0 < both < total
    expect(page.get_by_text("Territoire choisi : Corrèze (19)")).to_be_visible()

    page.get_by_role("link", name=re.compile("Territoire : Corrèze \\(19\\)")).click()
    expect(page).to_have_url(re.compile(r"\?profil=collectivites(&tri=recent)?$"))
    assert result_count(page) >= both

    page.go_back()
    expect(page).to_have_url(re.compile(r"territoire=19"))
    first = page.locator(".card h3 a").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    # The result's page (a resource's, or a told example's story) links the territory chosen.
    expect(page.get_by_role("main").get_by_role("link", name=re.compile(r"^Corrèze"))).to_be_visible()


def test_visitor_searches_from_the_header(page):
    page.goto("/agir/")
    page.get_by_role("search", name="Recherche sur le portail").get_by_label(
        "Rechercher sur le portail"
    ).fill("cooperation decentralisee")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rechercher sur le portail")
    expect(page.get_by_text(re.compile(r"\d+ résultats? pour « cooperation decentralisee »"))).to_be_visible()
    page.get_by_role("link", name="La coopération décentralisée des collectivités françaises").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "La coopération décentralisée des collectivités françaises"
    )


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
    expect(page.get_by_text("1 ressource : publier.")).to_be_visible()

    assert page.goto(draft.get_absolute_url()).status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Fiche en attente de relecture")
