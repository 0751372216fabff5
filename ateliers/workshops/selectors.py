"""Reads for the public pages of workshops and the home page."""

from dataclasses import dataclass

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from ateliers.core.models import User

from .forms.filters import FINISHED, UPCOMING
from .models import Capacity, Participation, Phase, Workshop
from .phases import PHASE_TYPES, PhaseKind


def workshop_list(*, filters: dict, now) -> QuerySet[Workshop]:
    """Published workshops matching the cleaned filters, with what a card shows prefetched."""
    workshops = Workshop.objects.published().with_listing_data()
    if filters.get("kind"):
        workshops = workshops.filter(kind=filters["kind"])
    if filters.get("neighbourhood"):
        workshops = workshops.filter(neighbourhood=filters["neighbourhood"])
    if filters.get("theme"):
        workshops = workshops.filter(themes=filters["theme"])
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
    """One workshop with everything its page shows, or None."""
    return (
        Workshop.objects.select_related("neighbourhood", "proposed_by")
        .prefetch_related("themes", "phases", "facilitators", "sponsors")
        .filter(slug=slug)
        .first()
    )


def participation_of(*, workshop: Workshop, user: User) -> Participation | None:
    if not user.is_authenticated:
        return None
    return (
        Participation.objects.filter(workshop=workshop, user=user).select_related("council").first()
    )


def counts_by_capacity(*, workshop: Workshop, with_zeros: bool = False) -> list[tuple[str, int]]:
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
    label: str
    count: int


def workshop_counts_by_phase(*, now) -> list[PhaseCount]:
    """How many published workshops are upcoming, in each phase, and finished: one query."""
    running = {
        f"phase_{kind.value}": Count(
            "pk",
            filter=Q(phases__kind=kind, phases__starts_at__lte=now, phases__ends_at__gt=now),
            distinct=True,
        )
        for kind in PhaseKind
    }
    counts = Workshop.objects.published().aggregate(
        upcoming=Count("pk", filter=Q(starts_at__gt=now), distinct=True),
        finished=Count("pk", filter=Q(ends_at__lte=now), distinct=True),
        **running,
    )
    return [
        PhaseCount(UPCOMING, _("Upcoming"), counts["upcoming"]),
        *[
            PhaseCount(str(kind.value), kind.label, counts[f"phase_{kind.value}"])
            for kind in PhaseKind
        ],
        PhaseCount(FINISHED, _("Finished"), counts["finished"]),
    ]


def communication_phase(*, workshop: Workshop) -> Phase | None:
    return next((p for p in workshop.ordered_phases if p.kind == PhaseKind.COMMUNICATION), None)


def registrations_open(*, workshop: Workshop, now) -> bool:
    """Whether anyone with an account could join now (what the join rule asks of the
    workshop), used to invite anonymous visitors to log in."""
    phase = workshop.phase_at(now)
    return (
        workshop.status == Workshop.Status.PUBLISHED
        and phase is not None
        and phase.allows("join")
        and not workshop.is_full
    )


def council_public_workshops(*, council) -> QuerySet[Workshop]:
    """Workshops the council sponsors or proposed, as the public may see them (no drafts)."""
    return (
        Workshop.objects.filter(Q(sponsors=council) | Q(proposed_by=council))
        .filter(status__in=[Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED])
        .distinct()
        .with_listing_data()
        .order_by("-starts_at", "pk")
    )
