"""Reads of the town hall's bodies pages: the bodies by kind with their next session, a body
with its members and sessions, a session with its agenda ready to show (who is heard on a
workshop's dossier, where a council's submission is read). Each page asks a fixed number of
queries, however many bodies, members, sessions or items there are."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Value,
    When,
)
from django.urls import NoReverseMatch
from django.utils import timezone
from django_stubs_ext import StrOrPromise

from ateliers.core.models import User
from ateliers.core.permissions import can
from ateliers.recommendations.models import Recommendation
from ateliers.recommendations.models import Status as RecommendationStatus
from ateliers.workshops.models import Workshop

from .models import (
    AgendaItem,
    Body,
    BodyKind,
    BodyMember,
    CouncilSubmission,
    Delegate,
    MemberRole,
    Session,
)

# The order of the bodies page: the council first, then what prepares its work, then the
# committees that consult residents.
KIND_ORDER = (BodyKind.MUNICIPAL_COUNCIL, BodyKind.COMMISSION, BodyKind.CONSULTATIVE_COMMITTEE)
UPCOMING_ON_THE_LIST = 10
UPCOMING_OF_A_BODY = 20
PAST_PER_PAGE = 20
# The convocation of the municipal council (CGCT L2121-12, above 3,500 inhabitants): five
# clear days, neither the day it is sent nor the day of the session counted.
CLEAR_DAYS = 5


@dataclass
class BodyEntry:
    body: Body
    next_session: Session | None


@dataclass
class KindSection:
    kind: str
    label: StrOrPromise
    entries: list[BodyEntry]


def _next_sessions(now: datetime.datetime) -> QuerySet[Session]:
    return Session.objects.filter(starts_at__gte=now, cancelled=False).order_by("starts_at", "pk")


def body_sections(*, now: datetime.datetime) -> list[KindSection]:
    """Every body under its kind, in KIND_ORDER, with its next session (or None).
    Two queries: the bodies, their next sessions (a sliced prefetch)."""
    bodies = Body.objects.prefetch_related(
        Prefetch("sessions", queryset=_next_sessions(now)[:1], to_attr="next_sessions")
    ).order_by("name")
    by_kind: dict[str, list[BodyEntry]] = {kind: [] for kind in KIND_ORDER}
    for body in bodies:
        by_kind[body.kind].append(BodyEntry(body, next(iter(body.next_sessions), None)))
    return [KindSection(kind, BodyKind(kind).label, by_kind[kind]) for kind in KIND_ORDER]


def upcoming_sessions(*, now: datetime.datetime, limit: int = UPCOMING_ON_THE_LIST) -> list:
    """The next sessions of every body, soonest first; a cancelled one stays listed as such,
    for whoever meant to attend."""
    return list(
        Session.objects.filter(starts_at__gte=now)
        .select_related("body")
        .order_by("starts_at", "pk")[:limit]
    )


def _members_in_order() -> QuerySet[BodyMember]:
    rank = Case(
        When(role=MemberRole.CHAIR, then=Value(0)),
        When(role=MemberRole.VICE_CHAIR, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return BodyMember.objects.annotate(rank=rank).order_by("rank", "name", "pk")


def body_for_page(*, slug: str) -> Body:
    """The body with its themes and members (chair, vice-chairs, then by name)."""
    return Body.objects.prefetch_related(
        "themes", Prefetch("members", queryset=_members_in_order())
    ).get(slug=slug)


def members_of(body: Body) -> QuerySet[BodyMember]:
    return _members_in_order().filter(body=body)


def _sessions_listed(body: Body) -> QuerySet[Session]:
    return body.sessions.annotate(item_count=Count("items"))


def upcoming_of(body: Body, *, now: datetime.datetime) -> list[Session]:
    upcoming = _sessions_listed(body).filter(starts_at__gte=now).order_by("starts_at", "pk")
    return list(upcoming[:UPCOMING_OF_A_BODY])


def past_of(body: Body, *, now: datetime.datetime, page: str | None) -> Page:
    sessions = _sessions_listed(body).filter(starts_at__lt=now).order_by("-starts_at", "-pk")
    return Paginator(sessions, PAST_PER_PAGE).get_page(page)


@dataclass
class AgendaLine:
    """An agenda item as its session's page shows it."""

    item: AgendaItem
    # For a workshop's dossier: the delegates heard, or None while they are not chosen.
    heard: list[User] | None = None
    # For a council's submission: its page, when the site has one.
    submission_url: str | None = None
    first: bool = False
    last: bool = False


def session_for_page(*, slug: str, pk: int) -> Session:
    """The session of the body at `slug`, with its body (raises Session.DoesNotExist)."""
    return Session.objects.select_related("body").get(body__slug=slug, pk=pk)


def agenda_of(session: Session) -> list[AgendaLine]:
    """The ordered agenda, ready to show. Two queries: the items with their workshop, its
    delegation and the submission's council; the delegates with their accounts."""
    items = (
        AgendaItem.objects.filter(session=session)
        .select_related("workshop__delegation", "submission__council")
        .prefetch_related(
            Prefetch(
                "workshop__delegation__delegates",
                queryset=Delegate.objects.select_related("user").order_by("position"),
            )
        )
        .order_by("position", "pk")
    )
    lines = [_line(item) for item in items]
    if lines:
        lines[0].first = True
        lines[-1].last = True
    return lines


def _line(item: AgendaItem) -> AgendaLine:
    line = AgendaLine(item=item)
    if item.workshop is not None:
        # A workshop with no delegation yet has none cached: the attribute is missing.
        delegation = getattr(item.workshop, "delegation", None)
        if delegation is not None:
            line.heard = [delegate.user for delegate in delegation.delegates.all()]
    if item.submission is not None:
        try:
            line.submission_url = item.submission.get_absolute_url()
        except NoReverseMatch:  # the submissions' pages are another part of the road
            line.submission_url = None
    return line


def convocation_due(session: Session) -> datetime.date:
    """The last day to send the municipal council's convocation: five clear days before."""
    day = timezone.localtime(session.starts_at).date()
    return day - datetime.timedelta(days=CLEAR_DAYS + 1)


def workshops_for_agenda(user: User, *, session: Session | None = None) -> QuerySet[Workshop]:
    """Workshops whose dossier `user` may put on an agenda: adopted recommendations, and the
    rules' yes (published or archived, from the presentation on, the city team); not those
    already on `session`'s agenda."""
    adopted = Recommendation.objects.filter(
        workshop=OuterRef("pk"), status=RecommendationStatus.ADOPTED
    )
    candidates = Workshop.objects.filter(Exists(adopted)).prefetch_related("phases")
    if session is not None:
        candidates = candidates.exclude(agenda_items__session=session)
    allowed = [w.pk for w in candidates if can(user, "townhall.put_dossier_on_agenda", w)]
    return Workshop.objects.filter(pk__in=allowed).order_by("title", "pk")


def submissions_for_agenda(*, session: Session | None = None) -> QuerySet[CouncilSubmission]:
    """The councils' proposals and opinions, newest first; not those already on `session`'s
    agenda."""
    submissions = CouncilSubmission.objects.select_related("council")
    if session is not None:
        submissions = submissions.exclude(agenda_items__session=session)
    return submissions.order_by("-submitted_at", "pk")
