"""Template filters for French text: `{% load french %}`."""

from django import template

register = template.Library()


@register.filter
def pluralize_fr(value, suffixes="s"):
    """The plural ending after a count, by French rules: below 2 (0, 1, 1,5) takes the singular.

    `{{ n }} résultat{{ n|pluralize_fr }}`; `"al,aux"` gives both endings, as with `pluralize`,
    which gives the plural for 0 (« 0 résultats »). A list or a queryset counts its items.
    """
    singular, _, plural = suffixes.rpartition(",")
    try:
        count = abs(float(value))
    except (TypeError, ValueError):
        try:
            count = len(value)
        except TypeError:
            return ""
    return singular if count < 2 else plural
