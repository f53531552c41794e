"""Every page type of the portal, one line each: the browser, accessibility and HTML checks run on all."""

PAGE_TYPES = {
    "accueil": "/",
    "axe": "/comprendre/",
    "rubrique": "/agir/exemples-inspirants/",
    "rubrique-parente": "/agir/axes-d-outillage/",
    "liste-filtree": "/ressources/?profil=collectivites&territoire=69",
    "liste-recherche": "/ressources/?q=partenariats&domaine=emploi",
    "recherche": "/recherche/?q=territoire",
    "recherche-sans-resultat": "/recherche/?q=partenarait",
    "portes-d-entree": "/trouver/",
    "fiche-ressource": "/ressources/maison-de-services-au-public-d-ayen/",
    "metiers": "/catalyseurs/",
    "erreur-404": "/nulle-part/",
}
