"""Reads for the public pages of workshops and the home page."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from django.core.cache import cache
from django.db.models import Case, Count, F, Min, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from ateliers.core import page_cache
from ateliers.core.models import User

from .forms.filters import FINISHED, UPCOMING
from .models import PUBLIC_STATUSES, Capacity, Participation, Phase, Workshop
from .phases import PHASE_TYPES, PhaseKind

# Whatever queryset in_place is given, it gives back the same kind (with its own methods).
Rows = TypeVar("Rows", bound=QuerySet)


def in_place(queryset: Rows, filters: dict, *, workshop: str = "") -> Rows:
    """`queryset` narrowed by a PlaceFilterForm's cleaned neighbourhood and theme; `workshop`
    is the path to the workshop from its rows ("workshop__" for its recommendations)."""
    if filters.get("neighbourhood"):
        queryset = queryset.filter(**{f"{workshop}neighbourhood": filters["neighbourhood"]})
    if filters.get("theme"):
        queryset = queryset.filter(**{f"{workshop}themes": filters["theme"]})
    return queryset


def workshop_list(*, filters: dict, now) -> QuerySet[Workshop]:
    """Published workshops matching the cleaned filters, with what a card shows prefetched."""
    workshops = Workshop.objects.published().with_listing_data()
    if filters.get("kind"):
        workshops = workshops.filter(kind=filters["kind"])
    workshops = in_place(workshops, filters)
    phase = filters.get("phase")
    if phase == UPCOMING:
        workshops = workshops.upcoming(now)
    elif phase == FINISHED:
        workshops = workshops.finished(now)
    elif phase:
        workshops = workshops.in_phase(PhaseKind(int(phase)), now)
    # Running and upcoming workshops first, finished ones after, each by start.
    finished_last = Case(When(ends_at__lte=now, then=Value(1)), default=Value(0))
    return workshops.order_by(finished_last, "starts_at", "pk")


def workshop_for_page(*, slug: str) -> Workshop | None:
    """One workshop with what its page always needs (its phases; its facilitators, whom the
    rules ask about), or None. Its themes and sponsors are read by the page's fragments, when
    they are not kept."""
    return (
        Workshop.objects.select_related("neighbourhood", "proposed_by")
        .prefetch_related("phases", "facilitators")
        .filter(slug=slug)
        .first()
    )


def participation_of(*, workshop: Workshop, user) -> Participation | None:
    if not user.is_authenticated:
        return None
    return (
        Participation.objects.filter(workshop=workshop, user=user).select_related("council").first()
    )


# Can this person join now? One answer, for the rule, the service, the view and the page.


class Registration(StrEnum):
    """Where a workshop's registrations stand, for someone who has not joined."""

    OPEN = "open"
    FULL = "full"
    NOT_YET = "not_yet"  # the phases that allow joining are to come
    CLOSED = "closed"  # they are over
    UNAVAILABLE = "unavailable"  # not published (a draft, or archived)


@dataclass(frozen=True)
class RegistrationState:
    status: Registration
    # When joining becomes possible (NOT_YET), or when it stopped being (CLOSED).
    opens_at: datetime | None = None
    closed_at: datetime | None = None


def registration_state(*, workshop: Workshop, now: datetime) -> RegistrationState:
    """Whether someone could join `workshop` at `now`, and if not, why. Reads the workshop's
    status, seats and (prefetched) phases; no query of its own."""
    if workshop.status != Workshop.Status.PUBLISHED:
        return RegistrationState(Registration.UNAVAILABLE)
    phase = workshop.phase_at(now)
    if phase is not None and phase.allows("join"):
        return RegistrationState(Registration.FULL if workshop.is_full else Registration.OPEN)
    joining = [phase for phase in workshop.ordered_phases if phase.allows("join")]
    if joining and now < joining[0].starts_at:
        return RegistrationState(Registration.NOT_YET, opens_at=joining[0].starts_at)
    return RegistrationState(
        Registration.CLOSED, closed_at=joining[-1].ends_at if joining else None
    )


def leaving_open(*, workshop: Workshop, now: datetime) -> bool:
    """Whether a participant may leave at `now` (no query: reads the prefetched phases)."""
    phase = workshop.phase_at(now)
    return (
        workshop.status == Workshop.Status.PUBLISHED and phase is not None and phase.allows("leave")
    )


class Panel(StrEnum):
    """What the "Taking part" panel of a workshop's page says to the person reading it."""

    PARTICIPATING = "participating"
    JOIN = "join"
    LOG_IN = "log_in"  # registrations are open, to people with an account
    FULL = "full"
    NOT_YET = "not_yet"
    CLOSED = "closed"


@dataclass(frozen=True)
class ParticipationPanel:
    state: Panel
    registration: RegistrationState
    participation: Participation | None = None
    can_leave: bool = False


def participation_panel(*, workshop: Workshop, user, now: datetime) -> ParticipationPanel:
    """The panel's state for `user` (anonymous or not): one query, for their participation."""
    registration = registration_state(workshop=workshop, now=now)
    participation = participation_of(workshop=workshop, user=user)
    if participation is not None:
        return ParticipationPanel(
            Panel.PARTICIPATING,
            registration,
            participation,
            can_leave=leaving_open(workshop=workshop, now=now),
        )
    by_registration = {
        Registration.OPEN: Panel.JOIN if user.is_authenticated else Panel.LOG_IN,
        Registration.FULL: Panel.FULL,
        Registration.NOT_YET: Panel.NOT_YET,
        Registration.CLOSED: Panel.CLOSED,
        Registration.UNAVAILABLE: Panel.CLOSED,
    }
    return ParticipationPanel(by_registration[registration.status], registration)


def counts_by_capacity(
    *, workshop: Workshop, with_zeros: bool = False
) -> list[tuple[StrOrPromise, int]]:
    """(capacity label, number of participants) in the order of Capacity, in one query;
    capacities nobody took are left out unless `with_zeros` (the management page shows all)."""
    rows = dict(
        Participation.objects.filter(workshop=workshop)
        .order_by()
        .values_list("capacity")
        .annotate(number=Count("pk"))
    )
    return [
        (label, rows.get(value, 0))
        for value, label in Capacity.choices
        if with_zeros or rows.get(value)
    ]


@dataclass(frozen=True)
class TimelineEntry:
    phase: Phase
    summary: str
    is_current: bool
    is_past: bool


def workshop_timeline(*, workshop: Workshop, now) -> list[TimelineEntry]:
    """The five phases in order, each saying what happens in it and where `now` stands."""
    return [
        TimelineEntry(
            phase=phase,
            summary=PHASE_TYPES[PhaseKind(phase.kind)].summary,
            is_current=phase.is_active(now),
            is_past=phase.is_past(now),
        )
        for phase in workshop.ordered_phases
    ]


def my_participations(*, user: User) -> QuerySet[Participation]:
    return (
        Participation.objects.filter(user=user)
        .select_related("workshop", "workshop__neighbourhood", "council")
        .prefetch_related("workshop__phases")
        .order_by("workshop__starts_at", "workshop__pk")
    )


# Home page


def workshops_calling(*, now, limit: int = 6) -> list[Workshop]:
    """Published workshops in their communication phase that still have seats."""
    return list(
        Workshop.objects.published()
        .in_phase(PhaseKind.COMMUNICATION, now)
        .filter(Q(capacity__isnull=True) | Q(participant_count__lt=F("capacity")))
        .with_listing_data()
        .order_by("starts_at", "pk")[:limit]
    )


def upcoming_workshops(*, now, limit: int = 6) -> list[Workshop]:
    return list(Workshop.objects.published().upcoming(now).with_listing_data()[:limit])


@dataclass(frozen=True)
class PhaseCount:
    key: str  # the value of the list's "phase" filter
    label: StrOrPromise
    count: int


def workshop_counts_by_phase(*, now) -> list[PhaseCount]:
    """How many published workshops are upcoming, in each phase, and finished.

    Only the workshops that have not ended are read (the index on their end serves it): the
    work does not grow with the city's history. The finished ones are counted once, then again
    only when content changes or one more workshop ends (`_finished_count`)."""
    running = {
        f"phase_{kind.value}": Count(
            "pk",
            filter=Q(phases__kind=kind, phases__starts_at__lte=now, phases__ends_at__gt=now),
            distinct=True,
        )
        for kind in PhaseKind
    }
    counts = (
        Workshop.objects.published()
        .filter(ends_at__gt=now)
        .aggregate(
            upcoming=Count("pk", filter=Q(starts_at__gt=now), distinct=True),
            next_end=Min("ends_at"),
            **running,
        )
    )
    return [
        PhaseCount(UPCOMING, _("Upcoming"), counts["upcoming"]),
        *[
            PhaseCount(str(kind.value), kind.label, counts[f"phase_{kind.value}"])
            for kind in PhaseKind
        ],
        PhaseCount(FINISHED, _("Finished"), _finished_count(now=now, until=counts["next_end"])),
    ]


def _finished_count(*, now, until) -> int:
    """The published workshops that have ended: the same number until the next one ends
    (`until`) or something changes (the pages' generation), so it is kept that long."""
    key = f"workshops:finished:{page_cache.generation()}:{until.isoformat() if until else ''}"
    count = cache.get(key)
    if count is None:
        count = Workshop.objects.published().filter(ends_at__lte=now).count()
        cache.set(key, count, timeout=page_cache.PAGE_TTL * 60)
    return count


def council_public_workshops(*, council) -> QuerySet[Workshop]:
    """Workshops the council sponsors or proposed, as the public may see them (no drafts)."""
    return (
        Workshop.objects.filter(Q(sponsors=council) | Q(proposed_by=council))
        .filter(status__in=PUBLIC_STATUSES)
        .distinct()
        .with_listing_data()
        .order_by("-starts_at", "pk")
    )
