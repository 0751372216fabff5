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

from django.conf import settings

from ateliers.core.page_cache import CONTENT, PAGE_TTL, PARTICIPANTS, generation, kept_answer

from .ratelimit import too_many_requests, within_budget

# The headers an answer is kept with (the middleware adds the others on each request).
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Last-Modified")


def served(view):
    """`view` within the client's budget (a 429 beyond it), its GET answers kept."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not within_budget(request):
            return too_many_requests()
        if request.method != "GET" or not settings.ATELIERS_PAGE_CACHE:
            return view(request, *args, **kwargs)
        return kept_answer(
            request,
            f"api:{generation(CONTENT)}:{generation(PARTICIPANTS)}",
            lambda: view(request, *args, **kwargs),
            ttl=PAGE_TTL,
            headers=KEPT_HEADERS,
        )

    return wrapped
