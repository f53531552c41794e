"""Sending « Solliciter un pair » messages, and the per-address rate limit that protects it.

The catalyseur's address is only ever an envelope recipient: the copy sent to the visitor is a
separate message that does not contain it, and no page shows it.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string


def limits():
    """(messages or robot attempts allowed per visitor address, per that many seconds)."""
    return (
        getattr(settings, "CATALYSEURS_CONTACT_LIMIT", 5),
        getattr(settings, "CATALYSEURS_CONTACT_WINDOW", 3600),
    )


def client_address(request):
    return request.META.get("REMOTE_ADDR", "") or "inconnue"


def _key(request):
    return f"catalyseurs:solliciter:{client_address(request)}"


def is_rate_limited(request):
    return cache.get(_key(request), 0) >= limits()[0]


def count_attempt(request):
    key, window = _key(request), limits()[1]
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)


def send_peer_request(catalyseur, data, site_url):
    """E-mail the catalyseur (reply-to the visitor) and send the visitor a copy without its address."""
    context = {"catalyseur": catalyseur, "data": data, "site_url": site_url}
    to_catalyseur = EmailMessage(
        subject=f"[L'ODD 17 en pratique] {data['nom']} sollicite {catalyseur.name}",
        body=render_to_string("catalyseurs/email/demande.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[catalyseur.contact_email],
        reply_to=[data["email"]],
    )
    copy = EmailMessage(
        subject=f"[L'ODD 17 en pratique] Copie de votre message à {catalyseur.name}",
        body=render_to_string("catalyseurs/email/copie.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[data["email"]],
    )
    with get_connection() as connection:
        connection.send_messages([to_catalyseur, copy])
