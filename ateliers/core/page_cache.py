"""Public pages kept whole for anonymous visitors, and one generation every change moves on.

A public page (the home page, the lists, a workshop's or a council's page) is the same for
every anonymous visitor in a given language: it is rendered once, then served from the cache
(Redis when REDIS_URL is set, so that every web node shares it) until something changes.

Any change that could show on a page moves the generation on, once its transaction has
committed: every service's write (they all record an action in the activity log) and every
save of one of our models (the admin's included). Every cached page is then stale at once, on
every node: what someone changed is visible on the next request. Pages also expire after
PAGE_TTL seconds, because a workshop moves from one phase to the next with time alone.

Views opt in with `@public_page` (ATELIERS_PAGE_CACHE=false turns it all off); only anonymous
GET and HEAD requests without a pending message are served from the cache, and only a plain
200 answer that set no cookie is kept.

Logged-in people get pages with their name, their buttons and their "taking part" panel, but
the rest is the same for everyone: templates keep those parts with Django's `{% cache %}`,
keyed on the same generation (`page_generation` and `page_ttl` in every template's context),
and views hand them their data lazily (`lazy_value`), so that a kept fragment costs no query.
"""

import functools
import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode

# What a generation counts changes of: everything public, or who takes part in workshops
# (participant counts are all a join changes on the public pages), in all or in one of them.
CONTENT = "content"
PARTICIPANTS = "participants"
# A page is rendered again at least this often (seconds): phases change with time alone.
PAGE_TTL = 60
# For a page that shows nothing that moves with time but the date (councils, former members).
TIMELESS_PAGE_TTL = 10 * 60
MESSAGES_COOKIE = "messages"
# A whole-table download is built again at most this often (seconds), whatever changes.
DOWNLOAD_MAX_AGE = 60
DOWNLOAD_HEADERS = ("Content-Type", "Content-Disposition")


def generation(scope: str = CONTENT) -> int:
    """The current generation of `scope` (shared by every process through the cache)."""
    key = f"pages:generation:{scope}"
    value = cache.get(key)
    if value is None:
        cache.add(key, 1, timeout=None)
        value = cache.get(key, 1)
    return value


def _move_on(*scopes: str) -> None:
    for scope in scopes:
        key = f"pages:generation:{scope}"
        try:
            cache.incr(key)
        except ValueError:  # not set yet, or evicted
            cache.set(key, 2, timeout=None)


def content_changed() -> None:
    """Call when something public changed: the pages are stale once this transaction commits
    (at once outside a transaction)."""
    transaction.on_commit(lambda: _move_on(CONTENT))


def participants_changed(workshop_slug: str) -> None:
    """Call when someone joined or left a workshop: the pages that show participant counts
    (the lists, that workshop's page) are stale once this transaction commits; the others
    are kept."""
    transaction.on_commit(lambda: _move_on(PARTICIPANTS, f"{PARTICIPANTS}:{workshop_slug}"))


def workshop_participants_generation(workshop_slug: str) -> int:
    return generation(f"{PARTICIPANTS}:{workshop_slug}")


def public_page(
    view=None,
    *,
    params: Iterable[str] = (),
    counts: str | None = None,
    ttl: int = PAGE_TTL,
):
    """Mark a view whose page is the same for every anonymous visitor. `params` are the
    query parameters that change the page (filters, page number); a request with any other
    parameter is rendered, never cached. `counts` says which participant counts the page
    shows: "all" (lists of workshops) or "slug" (the workshop of the URL's slug). `ttl`: how
    long the page may be kept when nothing changes (longer for a page that shows nothing
    that moves with time, such as a workshop's phase)."""

    def mark(view_function):
        @functools.wraps(view_function)
        def wrapped(request, *args, **kwargs):
            return view_function(request, *args, **kwargs)

        wrapped.public_page_params = frozenset(params)
        wrapped.public_page_counts = counts
        wrapped.public_page_ttl = ttl
        return wrapped

    return mark(view) if view is not None else mark


def kept_download(view=None, *, max_age: int = DOWNLOAD_MAX_AGE):
    """Mark a view answering a whole-table download (a CSV or JSON export of a public list):
    built at most once every `max_age` seconds for everyone, the same file whoever asks, so a
    file may be that old. A streamed file is read whole to be kept (a few MB at city scale);
    without this, each download would hold a web worker for a second or two."""

    def mark(view_function):
        @functools.wraps(view_function)
        def wrapped(request, *args, **kwargs):
            if request.method != "GET" or not settings.ATELIERS_PAGE_CACHE:
                return view_function(request, *args, **kwargs)
            return kept_answer(
                request,
                "downloads",
                lambda: view_function(request, *args, **kwargs),
                ttl=max_age,
                headers=DOWNLOAD_HEADERS,
            )

        return wrapped

    return mark(view) if view is not None else mark


def kept_answer(request, prefix: str, answer, *, ttl: int, headers: Iterable[str]) -> HttpResponse:
    """The answer to this request's full address (host, path, query) and language, kept under
    `prefix` for `ttl` seconds with the named headers; `answer()` makes it when none is kept.
    An answer that is not a plain 200 is passed on, not kept."""
    address = f"{request.build_absolute_uri()}:{request.LANGUAGE_CODE}"
    key = f"{prefix}:{hashlib.sha256(address.encode()).hexdigest()[:32]}"
    kept = cache.get(key)
    if kept is None:
        response = answer()
        if response.status_code != 200 or response.cookies:
            return response
        kept = (
            _content_of(response),
            {name: response[name] for name in headers if name in response},
        )
        cache.set(key, kept, ttl)
    content, kept_headers = kept
    return HttpResponse(content, headers=kept_headers)


def _content_of(response: HttpResponseBase) -> bytes:
    if not response.streaming:
        return response.content  # type: ignore[attr-defined]
    # Read to its end, the generator has nothing left open. (Not response.close(): it would
    # send request_finished, which closes the database connection in the middle of the
    # request.)
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def kept_value(name: str, compute, *, workshop_slug: str | None = None):
    """`compute()`, kept in the cache until public content changes (and, with
    `workshop_slug`, until someone joins or leaves that workshop), or PAGE_TTL at most."""
    if not settings.ATELIERS_PAGE_CACHE:
        return compute()
    counts = workshop_participants_generation(workshop_slug) if workshop_slug else ""
    key = f"kept:{generation()}:{counts}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, PAGE_TTL)
    return value


def lazy_value(compute):
    """The value of `compute()`, computed only if a template uses it (outside a kept
    fragment)."""
    return SimpleLazyObject(compute)


def _anonymous(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def _key(request: HttpRequest, params: frozenset[str], counts: str) -> str | None:
    if any(name not in params for name in request.GET):
        return None
    query = urlencode(sorted((name, request.GET.getlist(name)) for name in request.GET), True)
    htmx = (
        "htmx"
        if request.headers.get("HX-Request")
        and not request.headers.get("HX-History-Restore-Request")
        else "page"
    )
    text = f"{request.get_host()}{request.path}?{query}:{htmx}:{request.LANGUAGE_CODE}"
    digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    return f"pages:{generation()}:{counts}:{digest}"


class AnonymousPageCache:
    """Serve and keep public pages for anonymous visitors (see the module's docstring).

    Placed after the CSRF and language middleware: the language of the page is known, and a
    page that used a CSRF token (it would hold one visitor's token) is never kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_public_page_key", None)
        if key and self._keepable(request, response):
            ttl = getattr(request, "_public_page_ttl", PAGE_TTL)
            cache.set(key, (response.content, response["Content-Type"]), ttl)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.ATELIERS_PAGE_CACHE:
            return None
        params = getattr(view_func, "public_page_params", None)
        if params is None or request.method not in ("GET", "HEAD") or not _anonymous(request):
            return None
        key = _key(request, params, self._counts(view_func.public_page_counts, view_kwargs))
        if key is None:
            return None
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        request._public_page_key = key
        request._public_page_ttl = view_func.public_page_ttl
        return None

    @staticmethod
    def _counts(counts: str | None, view_kwargs: dict) -> str:
        """The generation of the participant counts the page shows, as part of its key."""
        if counts == "all":
            return str(generation(PARTICIPANTS))
        if counts == "slug":
            return f"{view_kwargs['slug']}:{workshop_participants_generation(view_kwargs['slug'])}"
        return ""

    @staticmethod
    def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(getattr(request, "session", None), "modified", False)
        )
