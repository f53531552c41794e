"""`{% load facets %}`: one checkbox of a facet, written in Python.

A faceted list shows hundreds of checkboxes; one `{% include %}` per checkbox cost a template render
each (and several frames of call stack each, bench/RESULTS.md, 2026-12-04). The markup lives here,
once.
"""

from django import template
from django.template.defaultfilters import slugify
from django.utils.formats import number_format
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def facet_option(name, option):
    """<li> with the checkbox of `option` (a facets.Choice) for the query-string parameter `name`."""
    element_id = f"{name}-{slugify(option.value)}"
    return format_html(
        '<li{}>\n  <input type="checkbox" name="{}" value="{}" id="{}"{}{}>\n'
        '  <label for="{}">{} <span class="count">({})</span></label>\n</li>',
        ' class="empty-option"' if option.disabled else "",
        name,
        option.value,
        element_id,
        " checked" if option.selected else "",
        " disabled" if option.disabled else "",
        element_id,
        option.label,
        number_format(option.count),
    )
