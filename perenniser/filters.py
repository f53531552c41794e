"""The Se former list is filtered like every list of resources, plus the training's modalité."""

from odd17.core.filters import OptionsFilter, ResourceFilter

from .models import Training

# The facets the Se former page offers, in order (the others stay usable in the URL).
SHOWN = ["modalite", "profil", "type", "territoire"]


class TrainingFilter(ResourceFilter):
    modalite = OptionsFilter(label="Modalité", lookup="training__mode", choices=Training.Mode.choices)
