"""Reads for trainings: the catalogue, a training's sessions, a person's registrations. Each
in a fixed number of queries, whatever the number of trainings, sessions or registrations."""

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery

from ateliers.core.waitlist import RegistrationStatus
from ateliers.workshops.models import Workshop

from .models import SessionRegistration, Training, TrainingSession


def _upcoming(now: datetime.datetime) -> QuerySet[TrainingSession]:
    return TrainingSession.objects.filter(starts_at__gt=now, cancelled_at__isnull=True)


def catalogue(*, now: datetime.datetime, theme=None) -> QuerySet[Training]:
    """Every training with the date of its next session (None when none is planned), those
    with a coming session first."""
    next_start = (
        _upcoming(now).filter(training=OuterRef("pk")).order_by("starts_at").values("starts_at")
    )
    trainings = Training.objects.annotate(next_session=Subquery(next_start[:1])).prefetch_related(
        "themes"
    )
    if theme is not None:
        trainings = trainings.filter(themes=theme)
    return trainings.order_by("next_session", "title", "pk")


def training_for_page(*, slug: str) -> Training:
    return Training.objects.prefetch_related("themes").get(slug=slug)


def sessions_of(training: Training, *, now: datetime.datetime) -> tuple[list, int]:
    """The sessions still to come (cancelled ones included, marked), and how many took place."""
    coming = list(training.sessions.filter(ends_at__gt=now).order_by("starts_at", "pk"))
    past = training.sessions.filter(ends_at__lte=now, cancelled_at__isnull=True).count()
    return coming, past


def session_for_page(*, pk: int) -> TrainingSession:
    return TrainingSession.objects.select_related("training").get(pk=pk)


@dataclass(frozen=True)
class MyPlace:
    """A person's registration for a session, as the page shows it."""

    registration: SessionRegistration
    # Their place in the waitlist (1 is next), when they wait.
    position: int | None


def places_of(user, sessions) -> dict[int, MyPlace]:
    """The person's live registrations for `sessions`, by session id: two queries."""
    if not user.is_authenticated:
        return {}
    ids = [session.pk for session in sessions]
    mine = list(
        SessionRegistration.objects.filter(session_id__in=ids, user=user).exclude(
            status=RegistrationStatus.CANCELLED
        )
    )
    return _with_positions(mine)


def _with_positions(registrations: list[SessionRegistration]) -> dict[int, MyPlace]:
    waiting = [r for r in registrations if r.status == RegistrationStatus.WAITLISTED]
    positions: dict[int, int] = {}
    if waiting:
        # Everyone waiting for those sessions, in the order they asked: one query.
        queue = SessionRegistration.objects.filter(
            session_id__in={r.session_id for r in waiting}, status=RegistrationStatus.WAITLISTED
        ).order_by("session_id", "pk")
        place: dict[int, int] = {}
        for session_id, pk in queue.values_list("session_id", "pk"):
            place[session_id] = place.get(session_id, 0) + 1
            positions[pk] = place[session_id]
    return {r.session_id: MyPlace(r, positions.get(r.pk)) for r in registrations}


def my_registrations(*, user) -> list[MyPlace]:
    """A person's live registrations, the coming sessions first, with waitlist positions."""
    registrations = list(
        SessionRegistration.objects.filter(user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("session__training")
        .order_by("-session__starts_at", "pk")
    )
    places = _with_positions(registrations)
    return [places[r.session_id] for r in registrations]


def registrations_of(session: TrainingSession) -> QuerySet[SessionRegistration]:
    """Who registered and who waits, in order: for the organisers only."""
    return (
        session.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
        .order_by("status", "pk")
    )


def recommended_for_workshop(workshop: Workshop, *, now: datetime.datetime) -> list[Training]:
    """The trainings a workshop recommends, each with its next session's date."""
    return list(catalogue(now=now).filter(recommended_for=workshop))


def recommended_by_council(council, *, now: datetime.datetime) -> list[Training]:
    return list(catalogue(now=now).filter(recommended_by_councils=council))
