"""The councils' public pages: anyone may read them."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from .. import selectors
from ..models import Body


def body_list(request):
    kind = request.GET.get("kind", "")
    if kind not in Body.Kind.values:
        kind = ""
    bodies = selectors.body_list(today=timezone.localdate(), kind=kind)
    page = Paginator(bodies, settings.ATELIERS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "bodies/body_list.html",
        {
            "nav": "bodies",
            "page_obj": page,
            "sections": selectors.group_by_kind(page.object_list),
            "kinds": Body.Kind.choices,
            "selected_kind": kind,
            "querystring_without_page": f"kind={kind}&" if kind else "",
        },
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
