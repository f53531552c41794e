"""Where France is on a map: the bounds a catalyseur's position must fall in, overseas included."""

from decimal import Decimal

from django.core.exceptions import ValidationError

# (name, south, west, north, east) in WGS 84 degrees; generous boxes around each part of France.
FRANCE_BOXES = [
    ("France métropolitaine et Corse", 41.2, -5.5, 51.2, 9.8),
    ("Guadeloupe", 15.8, -61.9, 16.6, -60.9),
    ("Martinique", 14.3, -61.3, 14.95, -60.75),
    ("Guyane", 2.0, -54.7, 5.9, -51.5),
    ("La Réunion", -21.45, 55.15, -20.8, 55.9),
    ("Mayotte", -13.1, 44.9, -12.55, 45.35),
    ("Saint-Pierre-et-Miquelon", 46.7, -56.5, 47.2, -56.1),
    ("Saint-Martin et Saint-Barthélemy", 17.85, -63.2, 18.15, -62.75),
    ("Wallis-et-Futuna", -14.45, -178.25, -13.15, -176.1),
    ("Polynésie française", -28.0, -155.0, -7.8, -134.0),
    ("Nouvelle-Calédonie", -23.0, 163.5, -19.5, 168.2),
]


def in_france(latitude, longitude):
    """True when the point lies in metropolitan or overseas France."""
    lat, lng = float(latitude), float(longitude)
    return any(south <= lat <= north and west <= lng <= east for _, south, west, north, east in FRANCE_BOXES)


def validate_position(latitude, longitude):
    """Both numbers or neither, and inside France; raises a French ValidationError per field."""
    if latitude is None and longitude is None:
        return
    if latitude is None or longitude is None:
        missing = "latitude" if latitude is None else "longitude"
        raise ValidationError({missing: "Indiquez la latitude et la longitude, ou aucune des deux."})
    if not in_france(latitude, longitude):
        raise ValidationError(
            {
                "latitude": (
                    "Cette position est hors de France (métropole et outre-mer). Vérifiez la latitude "
                    "(nord-sud, ex. 47.90248) et la longitude (est-ouest, ex. 1.90407), dans cet ordre."
                )
            }
        )


def rounded(value, places=5):
    """A coordinate as a Decimal with `places` decimals (about a metre at 5)."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places))
