"""Values every template needs: the three axes for the header navigation, the search's limits."""

from odd17 import search

from .models.vocabularies import AXIS_TAGLINES, Axis


def site(request):
    return {"axes": [(axis, AXIS_TAGLINES[axis]) for axis in Axis], "search_max_length": search.MAX_LENGTH}
