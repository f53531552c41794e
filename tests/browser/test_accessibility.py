"""WCAG 2.1 A/AA checks by axe-core on every page type, keyboard access, and small screens."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.pages import page_types, status

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    )


@pytest.mark.parametrize(("name", "url"), page_types().items(), ids=page_types().keys())
def test_page_type_is_accessible_on_desktop_and_phone(page, name, url):
    response = page.goto(url)
    assert response.status == status(name)
    violations = Axe().run(page, options=WCAG).response["violations"]
    assert violations == [], describe(violations)
    page.set_viewport_size({"width": 360, "height": 740})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, "the page scrolls sideways on a phone"
    violations = Axe().run(page, options=WCAG).response["violations"]
    assert violations == [], describe(violations)


def test_skip_link_is_the_first_stop_and_reaches_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_keyboard_only_visitor_reaches_a_resource(page):
    page.goto("/agir/exemples-inspirants/")
    link = page.get_by_role("link", name="La Maison de services au public d'Ayen (Corrèze)")
    for _ in range(200):  # tab through the page until the link has the focus
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            break
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "La Maison de services au public d'Ayen (Corrèze)"
    )
