"""One request budget per client for the whole API (JSON, CSV, feeds): API_RATE_LIMIT requests
a minute, counted per account or per address as the forms' limits are (core/ratelimit.py).
Beyond it: 429, a JSON body saying why, and Retry-After with the seconds left in the minute."""

import functools
import math
import time

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _

from ateliers.core.ratelimit import hit

SCOPE = "api"
PERIOD = 60


def within_budget(request) -> bool:
    """Counts this request in its client's budget: whether it is still within it."""
    return hit(request, SCOPE, limit=settings.API_RATE_LIMIT, period=PERIOD)


def seconds_left() -> int:
    """Until the current window ends, when the budget starts again."""
    return max(1, math.ceil(PERIOD - time.time() % PERIOD))


def too_many_requests() -> JsonResponse:
    wait = seconds_left()
    response = JsonResponse(
        {"detail": _("Too many requests. Please wait %(seconds)d seconds.") % {"seconds": wait}},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


def rate_limited(view):
    """The budget alone, for the CSV files (kept by core.page_cache.kept_download instead)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not within_budget(request):
            return too_many_requests()
        return view(request, *args, **kwargs)

    return wrapped
