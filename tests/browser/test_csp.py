"""The Content Security Policy blocks nothing the portal needs, on every page type and in the admin;
the browser reads the Permissions-Policy header without an error."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from odd17.core.models import Goal, Resource
from tests.browser.pages import page_types

# Registered before any page script: every violation the browser reports is kept.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const { violatedDirective, blockedURI, sourceFile, lineNumber } = event;
  window.__violations.push(`${violatedDirective} ${blockedURI} ${sourceFile}:${lineNumber}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, and the list of CSP violations it reports (events and console messages), with any
    error the browser finds in the Permissions-Policy header (an unknown feature, a bad value)."""
    console = []
    page.add_init_script(LISTEN)
    watched_words = ("Content Security Policy", "Permissions-Policy", "Permissions policy")
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if any(w in message.text for w in watched_words) else None
        ),
    )

    def violations():
        page.wait_for_load_state("load")
        return page.evaluate("window.__violations") + console

    violations.console = console
    return page, violations


def test_no_csp_violation_on_any_page_type(watched):
    """All page types in one test: one database restore instead of one per page."""
    page, violations = watched
    found = {}
    for name, url in page_types().items():
        response = page.goto(url)
        assert "script-src 'self'" in response.headers["content-security-policy"], name
        page.keyboard.press("Tab")  # let focus styles and any progressive enhancement run
        if violations():
            found[name] = violations()
        page.evaluate("window.__violations = []")
        del violations.console[:]
    assert found == {}


def test_no_csp_violation_in_the_admin_while_curating(watched):
    page, violations = watched
    get_user_model().objects.create_superuser("admin@example.org", "admin@example.org", "un-Mot-de-passe-42")
    page.goto("/admin/")
    page.get_by_label("Nom d’utilisateur").fill("admin@example.org")
    page.get_by_label("Mot de passe").fill("un-Mot-de-passe-42")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("heading", name="Curation des contenus")).to_be_visible()
    page.goto("/admin/core/resource/")
    assert violations() == []
    page.goto("/admin/core/resource/add/")
    page.get_by_label("Titre").press_sequentially("Fiche d'essai")  # the admin's script fills the slug
    expect(page.locator("#id_slug")).to_have_value("fiche-dessai")
    page.locator(".field-profiles .select2-selection").click()  # autocompletion widget
    expect(page.locator(".select2-results__option").first).to_be_visible()
    page.keyboard.press("Escape")
    page.locator(".field-published_on .date-icon").click()  # the calendar widget
    expect(page.locator(".calendarbox").first).to_be_visible()
    resource = Resource.objects.published().first()
    page.goto(f"/admin/core/resource/{resource.pk}/change/")
    page.locator("details summary", has_text="Historique").click()
    assert violations() == []
    page.goto(f"/admin/core/goal/{Goal.objects.get(number=17).pk}/change/")
    page.locator(".add-row a").click()  # a new inline row, added by the admin's script
    expect(page.locator("tr.dynamic-targets").last).to_be_visible()
    assert violations() == []


def test_the_watch_does_see_a_violation(watched):
    page, violations = watched
    page.goto("/")
    page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
    }""")
    expect(page.locator("body")).to_be_visible()
    assert page.evaluate("window.injected") is None  # blocked
    page.wait_for_function("window.__violations.length > 0")
    assert any(v.startswith("script-src") for v in violations())
