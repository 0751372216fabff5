"""The town hall's public pages: its bodies by kind, a body with its members and sessions, a
session with its agenda. Anyone may read them, a session behind closed doors included: its
date, its body and its agenda are public information."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import public_page
from ateliers.core.permissions import can

from .. import selectors_bodies as selectors
from ..models import Body, BodyKind, Session


@public_page
@require_safe
def body_list(request):
    now = timezone.now()
    return render(
        request,
        "townhall/bodies/list.html",
        {
            "nav": "townhall",
            "sections": selectors.body_sections(now=now),
            "upcoming": selectors.upcoming_sessions(now=now),
            "may_manage": can(request.user, "townhall.manage_townhall"),
        },
    )


@public_page(params=("page",))
@require_safe
def body_detail(request, slug: str):
    try:
        body = selectors.body_for_page(slug=slug)
    except Body.DoesNotExist:
        raise Http404 from None
    now = timezone.now()
    return render(
        request,
        "townhall/bodies/detail.html",
        {
            "nav": "townhall",
            "body": body,
            "upcoming": selectors.upcoming_of(body, now=now),
            "page_obj": selectors.past_of(body, now=now, page=request.GET.get("page")),
            "querystring_without_page": "",
            "may_manage": can(request.user, "townhall.manage_townhall"),
        },
    )


@public_page
@require_safe
def session_detail(request, slug: str, pk: int):
    try:
        session = selectors.session_for_page(slug=slug, pk=pk)
    except Session.DoesNotExist:
        raise Http404 from None
    may_manage = can(request.user, "townhall.manage_townhall")
    closed = session.cancelled or session.held_at is not None
    took_place = not session.cancelled and session.starts_at <= timezone.now()
    return render(
        request,
        "townhall/bodies/session.html",
        {
            "nav": "townhall",
            "session": session,
            "body": session.body,
            "agenda": selectors.agenda_of(session),
            "may_manage": may_manage,
            "may_change_agenda": may_manage and not closed,
            "may_record_outcome": may_manage and took_place,
            "convocation_due": (
                selectors.convocation_due(session)
                if may_manage and not closed and session.body.kind == BodyKind.MUNICIPAL_COUNCIL
                else None
            ),
        },
    )
