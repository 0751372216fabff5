"""A small fixed-window rate limit for form submissions, kept in the cache.

allauth limits login, sign-up and password reset itself; this covers our own POST views
(joining a workshop, proposing one…). The cache must be shared between workers in
production (REDIS_URL), as for allauth's limits.
"""

import functools
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _


def _client_key(request) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    # allauth's reading of the address honours TRUSTED_PROXY_COUNT behind a reverse proxy,
    # so anonymous visitors get the same per-address limits here as on login.
    try:
        address = get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        address = "unknown"
    return f"ip:{address}"


def hit(request, scope: str, *, limit: int, period: int) -> bool:
    """Count one attempt; True while the client stays within `limit` per `period` seconds."""
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{_client_key(request)}:{window}"
    # add() then incr() is atomic on Redis and on the local-memory cache alike.
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit


def limit_posts(scope: str, *, limit: int, period: int = 60):
    """Refuse POSTs beyond `limit` per `period` seconds with a 429 page that says why.

    settings.FORM_RATE_LIMIT_FACTOR multiplies `limit` (load tests and drills only)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            allowed = limit * settings.FORM_RATE_LIMIT_FACTOR
            if request.method == "POST" and not hit(request, scope, limit=allowed, period=period):
                return render(
                    request,
                    "429.html",
                    {"message": _("Too many attempts. Please wait a minute and try again.")},
                    status=429,
                )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
