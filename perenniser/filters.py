"""The Se former list is filtered like every list, plus the training's modalité."""

import django_filters

from odd17.core.filters import ResourceFilter

from .models import Training

# The fields the Se former form shows (their choices come from the cached option lists).
SHOWN_FIELDS = ["modalite", "profil", "type", "territoire"]


class TrainingFilter(ResourceFilter):
    modalite = django_filters.ChoiceFilter(
        field_name="training__mode", choices=Training.Mode.choices, label="Modalité", empty_label="Toutes"
    )
