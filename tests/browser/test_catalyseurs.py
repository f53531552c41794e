"""A newcomer finds the catalyseurs of their département and métier, in the list and on the map."""

import re

from playwright.sync_api import expect


def test_visitor_filters_the_directory_by_metier_and_departement_and_opens_a_card(page):
    page.goto("/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Catalyseurs"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Les catalyseurs territoriaux")
    total = int(re.match(r"\d+", page.locator("#titre-resultats").inner_text()).group())
    page.get_by_label(re.compile("^Gestion d'un lieu")).check()
    page.get_by_label("Choisir dans la liste").select_option(value="45")  # the same form as every list
    page.get_by_role("button", name="Appliquer les filtres").first.click()
    expect(page).to_have_url(re.compile(r"metier=gestion-d-un-lieu.*territoire=45"))
    filtered = int(re.match(r"\d+", page.locator("#titre-resultats").inner_text()).group())
    assert 0 < filtered < total
    expect(page.get_by_role("link", name=re.compile(r"^Territoire : Loiret \(45\)"))).to_be_visible()
    page.get_by_role("link", name="InfoLab du CRIJ Orléans").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("InfoLab du CRIJ Orléans")
    expect(page.get_by_role("heading", name="Solliciter un pair")).to_be_visible()


def test_map_shows_markers_when_javascript_is_on(page):
    page.goto("/catalyseurs/carte/")
    carte = page.locator("#carte")
    expect(carte).to_be_visible()
    expect(carte).to_have_attribute("data-markers", re.compile(r"^[1-9]"))
    expect(page.locator("#carte-etat")).to_contain_text("placés sur la carte")
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()  # markers or clusters
    # Tiles cannot load in tests (MAP_TILE_URL points nowhere): the page says so and still works.
    expect(page.locator("#carte-etat")).to_contain_text("fond de carte n'a pas pu être chargé")

    page.goto("/catalyseurs/carte/?territoire=63")
    name = "Réseau des Praticiens Territoriaux de la Chaire InterActions d'AgroParisTech"
    expect(carte).to_have_attribute("data-markers", "1")
    page.get_by_role("button", name=name).click()
    page.locator(".leaflet-popup").get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def test_map_page_shows_the_list_and_says_so_when_javascript_is_off(browser, site):
    context = browser.new_context(base_url=site, java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto("/catalyseurs/carte/")
    expect(page.locator("#carte")).to_be_hidden()
    expect(page.locator("#carte-etat")).to_contain_text("JavaScript")
    expect(page.get_by_role("link", name="InfoLab du CRIJ Orléans")).to_be_visible()
    expect(page.locator(".card")).not_to_have_count(0)
    context.close()
