"""Every view of the API (JSON, feeds) behind one wrapper: the client's request budget first,
then the answer kept whole in the cache.

An answer of the API is the same for whoever asks: it holds no personal data and nothing that
depends on the caller. It is kept under its full address (host, path, query) and language
until something public changes, as the site's public pages are (core/page_cache.py): every
service's write and every save of our models moves the content generation on, every join or
departure the participants' one (the workshops list shows participant counts). Only the
opinion map's vote counts move without either: they show after PAGE_TTL seconds at most.

The budget is counted before the cache is read, so a kept answer still counts in it.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from ateliers.core.page_cache import CONTENT, PAGE_TTL, PARTICIPANTS, generation

from .ratelimit import too_many_requests, within_budget

# The headers an answer is kept with (the middleware adds the others on each request).
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Last-Modified")


def _key(request) -> str:
    address = f"{request.build_absolute_uri()}:{request.LANGUAGE_CODE}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"api:{generation(CONTENT)}:{generation(PARTICIPANTS)}:{digest}"


def _keepable(response) -> bool:
    return response.status_code == 200 and not response.streaming and not response.cookies


def served(view):
    """`view` within the client's budget (a 429 beyond it), its GET answers kept."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not within_budget(request):
            return too_many_requests()
        if request.method != "GET" or not settings.ATELIERS_PAGE_CACHE:
            return view(request, *args, **kwargs)
        key = _key(request)
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        if _keepable(response):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(key, (response.content, headers), PAGE_TTL)
        return response

    return wrapped
