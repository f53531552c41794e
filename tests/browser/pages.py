"""Every page type of the portal, one line each: the browser, accessibility and HTML checks run on all."""

PAGE_TYPES = {
    "accueil": "/",
    "axe": "/comprendre/",
    "rubrique": "/agir/exemples-inspirants/",
    "rubrique-parente": "/agir/axes-d-outillage/",
    "liste-filtree": "/ressources/?profil=collectivites&territoire=69",
    "fiche-ressource": "/ressources/maison-de-services-au-public-d-ayen/",
    "metiers": "/catalyseurs/metiers/",
    "annuaire-catalyseurs": "/catalyseurs/?metier=accompagnement&territoire=45",
    "carte-catalyseurs": "/catalyseurs/carte/",
    "fiche-catalyseur": "/catalyseurs/infolab-du-crij-orleans/",
    "erreur-404": "/nulle-part/",
}
