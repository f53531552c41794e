"""Values every template needs: the three axes for the header navigation."""

from .models.vocabularies import AXIS_TAGLINES, Axis


def site(request):
    return {"axes": [(axis, AXIS_TAGLINES[axis]) for axis in Axis]}
