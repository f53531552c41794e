"""The page shown by django-axes when too many logins failed (AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "lockout.html", context, status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429))
