"""Asking the rules, and answering a request they refuse.

Every permission question goes to the rules (each app's rules.py), never to Django's
permission tables and never through `User.has_perm`, which says yes to a superuser whatever
the rules say: an administrator must not be shown a "join" or "publish" button that the
action would then refuse.
"""

import functools
from collections.abc import Callable

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


def can(user, permission: str, obj=None) -> bool:
    """Whether the rules allow `user` to do `permission` (on `obj`)."""
    return rules.has_perm(permission, user, obj)


def refuse(request: HttpRequest) -> HttpResponse:
    """Answer a request the rules refuse: anonymous people log in first (and come back
    here), others get the 403 page."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def allowed(
    permission: str,
    *,
    load: Callable[..., object] | None = None,
    on: Callable[[object], object] | None = None,
):
    """Run the view only if the rules allow `permission`.

    With `load`, the view's URL arguments are given to it and what it returns (it raises
    Http404 when there is nothing) is the view's second argument, `def edit(request,
    workshop)`, and the object the rules are asked about, or `on(that object)` when the
    permission is about something else (a mandate's council).
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if load is None:
                if not can(request.user, permission):
                    return refuse(request)
                return view(request, *args, **kwargs)
            obj = load(**kwargs)
            if not can(request.user, permission, obj if on is None else on(obj)):
                return refuse(request)
            return view(request, obj)

        return wrapped

    return decorator
