"""Every page type of the portal: the one list that the browser, accessibility, CSP and HTML checks,
the conventions tests and the bench (bench/run.py) read, through page_types().

The page types come from the URL resolver, as djangoproject.com's tests walk get_resolver(): each
named URL pattern of the project without parameters is a page type by itself, at the address
reverse() gives it. A pattern with parameters needs an example below, with real slugs and codes
of fixtures/; so does a variant of a page (a filtered list, a search with and without result, the
404 page). A pattern that serves no HTML page of its own is listed in NOT_PAGES with the reason.
tests/test_conventions.py fails, naming the pattern, when a URL is added without an example.

Plain data and functions: importable without Django's test machinery (the bench calls
page_types() after django.setup(), outside pytest).
"""

# Examples of the patterns with parameters, and variants of pages: name → address.
EXAMPLES = {
    "accueil": "/",
    "axe": "/comprendre/",
    "rubrique": "/agir/exemples-inspirants/",
    "rubrique-parente": "/agir/axes-d-outillage/",
    "liste-filtree": "/ressources/?profil=collectivites&territoire=69",
    "liste-recherche": "/ressources/?q=partenariats&domaine=emploi",
    "recherche": "/recherche/?q=territoire",
    "recherche-sans-resultat": "/recherche/?q=partenarait",
    "portes-d-entree": "/trouver/",
    "fiche-ressource": "/ressources/guide-s-ancrer-dans-les-territoires-pour-gagner-en-performance/",
    "metiers": "/catalyseurs/metiers/",
    "annuaire-catalyseurs": "/catalyseurs/?metier=accompagnement&territoire=45",
    "carte-catalyseurs": "/catalyseurs/carte/",
    "fiche-catalyseur": "/catalyseurs/infolab-du-crij-orleans/",
    "demande-envoyee": "/catalyseurs/infolab-du-crij-orleans/solliciter/merci/",
    "vue-d-ensemble": "/vue-d-ensemble/",
    "odd": "/comprendre/comprendre-les-odd/",
    "odd-detail": "/comprendre/comprendre-les-odd/odd-17/",
    "cible": "/comprendre/comprendre-les-odd/cible-17.17/",
    "fiches-reperes": "/comprendre/fiches-reperes/",
    "fiche-repere": "/comprendre/fiches-reperes-territoires/R32/",
    "bases-de-connaissance": "/comprendre/bases-de-connaissance/",
    "axe-d-outillage": "/agir/co-construire-en-territoire/",
    "recit-exemple": "/agir/exemples-inspirants/ville-durable-de-loos-en-gohelle/",
    "kit": "/agir/kit-odd-17-en-pratique/",
    "se-former": "/perenniser/se-former/?modalite=en-ligne",
    "se-faire-accompagner": "/perenniser/se-faire-accompagner/",
    "capitaliser-avec-la-recherche": "/perenniser/capitaliser-avec-la-recherche/",
    "accessibilite": "/accessibilite/",
}
# Page types that answer an error, with its status (every other page type answers 200).
ERRORS = {"erreur-404": ("/nulle-part/", 404)}

# URL patterns (view names, or a namespace and all its patterns) that are no HTML page, and why.
NOT_PAGES = {
    "admin": "the Django admin, for editors: tests/browser/test_csp.py and the admin tests check it",
    "catalyseurs:geojson": "GeoJSON for the map's script, not HTML (the map page is a page type)",
    "catalyseurs:solicit": "POST only: the form of a catalyseur's card, which is a page type",
}


def url_patterns(resolver=None, namespace=""):
    """(view name; pattern) of every URL pattern the resolver knows. An unnamed pattern's view name
    is its view's dotted path, as resolve() says it."""
    from django.urls import URLResolver, get_resolver

    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, inner)
        else:
            yield f"{namespace}{entry.name or entry.lookup_str}", entry


def is_page(view_name):
    return view_name not in NOT_PAGES and view_name.split(":")[0] not in NOT_PAGES


def page_types():
    """Name → address of every page type: the examples, the errors, and the page of each named
    pattern without parameters that no example already shows at its address."""
    from django.urls import NoReverseMatch, reverse

    pages = {**EXAMPLES, **{name: path for name, (path, _) in ERRORS.items()}}
    for view_name, _ in url_patterns():
        if not is_page(view_name):
            continue
        try:
            path = reverse(view_name)
        except NoReverseMatch:  # parameters, or no name: an example says which page to check
            continue
        if path not in pages.values():
            pages[view_name] = path
    return pages


def status(name):
    """The HTTP status the page type answers."""
    return ERRORS[name][1] if name in ERRORS else 200


def patterns_without_example():
    """The view names of the HTML URL patterns that no page type shows."""
    from contextlib import suppress
    from urllib.parse import urlsplit

    from django.urls import Resolver404, resolve

    shown = set()
    for path in page_types().values():
        with suppress(Resolver404):  # the 404 page type shows no pattern
            shown.add(resolve(urlsplit(path).path).view_name)
    return [view_name for view_name, _ in url_patterns() if is_page(view_name) and view_name not in shown]
