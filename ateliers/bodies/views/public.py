"""The councils' public pages: anyone may read them."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from .. import selectors
from ..models import Body


def body_list(request):
    # Not paginated: a city has a handful of councils of each kind (at most one per
    # neighbourhood), and splitting the five sections across pages would hide some.
    bodies = selectors.body_list(today=timezone.localdate())
    return render(
        request,
        "bodies/body_list.html",
        {"nav": "bodies", "sections": selectors.group_by_kind(bodies)},
    )


def body_detail(request, slug):
    try:
        body = selectors.body_for_page(slug=slug)
    except Body.DoesNotExist as exc:
        raise Http404 from exc
    now = timezone.now()
    mandates = selectors.body_mandates(body=body, today=timezone.localdate(now))
    workshops = list(selectors.body_public_workshops(body=body))
    return render(
        request,
        "bodies/body_detail.html",
        {
            "nav": "bodies",
            "body": body,
            "current_mandates": mandates["current"],
            "upcoming_mandates": mandates["upcoming"],
            "past_mandates": mandates["past"],
            "workshops": workshops,
            "now": now,
        },
    )
