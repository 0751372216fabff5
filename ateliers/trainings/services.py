"""Writes for trainings: the catalogue (city staff), sessions, registrations and the waitlist.

Seats are taken and given back through core/waitlist.py, inside each service's transaction;
the e-mails go out once the transaction has committed, from a background task.
"""

import datetime
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core import reminders, waitlist
from ateliers.core.errors import ApplicationError, Collected, InvalidInput, StateChanged
from ateliers.core.models import Theme, User
from ateliers.core.names import clean_name
from ateliers.core.plausible import date_message, is_plausible_date
from ateliers.core.slugs import unique_slug
from ateliers.core.texts import clean_text
from ateliers.workshops.models import Workshop

from . import tasks
from .models import MAX_SEATS, SessionRegistration, Training, TrainingSession

# A session lasts at least a quarter of an hour and at most a long day.
SHORTEST = datetime.timedelta(minutes=15)
LONGEST = datetime.timedelta(hours=12)


class SessionCancelled(StateChanged):
    default_message = _("This session was cancelled: registration is closed.")


class SessionAlreadyCancelled(StateChanged):
    default_message = _("This session was already cancelled.")


def validate_training_fields(*, title: str, summary: str, audience: str, trainer: str) -> None:
    errors = Collected()
    for field, value in (("summary", summary), ("audience", audience)):
        if not value.strip():
            errors.add(field, _("This field is required."))
    errors.raise_if_any()


def validate_session_fields(
    *,
    starts_at: datetime.datetime,
    duration_minutes: int,
    capacity: int,
    place: str,
    online_link: str,
    now: datetime.datetime,
    new: bool = True,
) -> None:
    """The rules of a session's date, length, seats and place, with a message for each."""
    errors = Collected()
    if not is_plausible_date(timezone.localdate(starts_at)):
        errors.add("starts_at", date_message())
    elif new and starts_at <= now:
        errors.add("starts_at", _("A new session must start in the future."))
    duration = datetime.timedelta(minutes=duration_minutes)
    if not SHORTEST <= duration <= LONGEST:
        errors.add(
            "duration_minutes", _("A session lasts between 15 minutes and 12 hours (720 minutes).")
        )
    if not 1 <= capacity <= MAX_SEATS:
        errors.add(
            "capacity",
            _("A session has between 1 and %(most)s seats.") % {"most": f"{MAX_SEATS:,}"},
        )
    if not place.strip() and not online_link:
        errors.add("place", _("Give the place where it happens, or an online link."))
    errors.raise_if_any()


def _training_values(
    *, title: str, summary: str, audience: str, trainer: str, prerequisites: str
) -> dict:
    """What a person typed for a training, cleaned and checked."""
    values = {
        "title": clean_name(title, field="title"),
        "trainer": clean_name(trainer, field="trainer"),
        "summary": clean_text(summary, field="summary"),
        "audience": clean_text(audience, field="audience"),
        "prerequisites": clean_text(prerequisites, field="prerequisites"),
    }
    validate_training_fields(
        title=values["title"],
        summary=values["summary"],
        audience=values["audience"],
        trainer=values["trainer"],
    )
    return values


@transaction.atomic
def training_create(
    *,
    created_by: User,
    title: str,
    summary: str,
    audience: str,
    trainer: str,
    prerequisites: str = "",
    trainer_account: User | None = None,
    themes: Iterable[Theme] = (),
) -> Training:
    values = _training_values(
        title=title,
        summary=summary,
        audience=audience,
        trainer=trainer,
        prerequisites=prerequisites,
    )
    training = Training.objects.create(
        **values,
        slug=unique_slug(Training, values["title"], fallback="formation"),
        trainer_account=trainer_account,
        created_by=created_by,
    )
    training.themes.set(themes)
    record(actor=created_by, verb="training.created", target=training)
    return training


@transaction.atomic
def training_update(
    *,
    training: Training,
    changed_by: User,
    title: str,
    summary: str,
    audience: str,
    trainer: str,
    prerequisites: str = "",
    trainer_account: User | None = None,
    themes: Iterable[Theme] = (),
) -> Training:
    values = _training_values(
        title=title,
        summary=summary,
        audience=audience,
        trainer=trainer,
        prerequisites=prerequisites,
    )
    for name, value in values.items():
        setattr(training, name, value)
    training.trainer_account = trainer_account
    training.save()
    training.themes.set(themes)
    record(actor=changed_by, verb="training.updated", target=training)
    return training


@transaction.atomic
def session_create(
    *,
    training: Training,
    created_by: User,
    starts_at: datetime.datetime,
    duration_minutes: int,
    capacity: int,
    place: str = "",
    address: str = "",
    accessibility: str = "",
    online_link: str = "",
    now: datetime.datetime | None = None,
) -> TrainingSession:
    now = now or timezone.now()
    validate_session_fields(
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        capacity=capacity,
        place=place,
        online_link=online_link,
        now=now,
    )
    session = TrainingSession.objects.create(
        training=training,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=duration_minutes),
        capacity=capacity,
        place=place.strip(),
        address=address.strip(),
        accessibility=clean_text(accessibility, field="accessibility"),
        online_link=online_link,
    )
    record(
        actor=created_by,
        verb="training.session_added",
        target=training,
        data={"starts_at": starts_at.isoformat()},
    )
    return session


@transaction.atomic
def session_register(
    *, session: TrainingSession, user: User, language: str = "fr", now=None
) -> waitlist.Outcome:
    """A seat for `user`, or a place on the waitlist when the session is full."""
    now = now or timezone.now()
    if session.is_cancelled:
        raise SessionCancelled()
    outcome = waitlist.register(
        event=session,
        registration_model=SessionRegistration,
        user=user,
        now=now,
        language=language,
    )
    record(
        actor=user,
        verb="training.registered" if outcome.position is None else "training.waitlisted",
        target=session.training,
        data={"session": session.pk},
    )
    if outcome.position is None:
        _remind_later(outcome.registration.pk, session)
    return outcome


def _remind_later(registration_id: int, session: TrainingSession) -> None:
    """The reminder the day before, planned once the transaction has committed."""
    sequence, run_after = session.sequence, session.starts_at - reminders.AHEAD
    transaction.on_commit(
        lambda: reminders.enqueue_at(tasks.remind, registration_id, sequence, run_after=run_after)
    )


@transaction.atomic
def registration_cancel(
    *, registration: SessionRegistration, by: User, now=None
) -> SessionRegistration | None:
    """Cancel a registration (or leave the waitlist). The freed seat goes at once to the first
    person waiting, who is told by e-mail; returns their registration."""
    now = now or timezone.now()
    session = registration.session
    if now >= session.starts_at:
        raise ApplicationError(_("The session has started: a registration can no longer change."))
    promoted = waitlist.cancel(registration=registration, now=now)
    record(
        actor=by,
        verb="training.registration_cancelled",
        target=session.training,
        data={"session": session.pk},
    )
    if promoted is not None:
        record(
            actor=None,
            verb="training.seat_given",
            target=session.training,
            data={"session": session.pk},
        )
        promoted_id = promoted.pk
        transaction.on_commit(lambda: tasks.tell_seat_given.enqueue(promoted_id))
        _remind_later(promoted_id, session)
    return promoted


@transaction.atomic
def recommend(*, owner, by: User, trainings: Iterable[Training]) -> None:
    """The trainings a workshop (or a council) recommends, replacing its earlier choice."""
    chosen = list(trainings)
    owner.recommended_trainings.set(chosen)
    record(
        actor=by,
        verb="training.recommended",
        target=owner,
        data={"trainings": [training.title for training in chosen][:20]},
        public=not (isinstance(owner, Workshop) and owner.status == Workshop.Status.DRAFT),
    )


@transaction.atomic
def attendance_record(
    *, session: TrainingSession, by: User, attended: Iterable[int], now=None
) -> int:
    """Mark who of the registered people came (`attended`: their account ids); the others
    did not. Once the session has started. Returns how many came."""
    now = now or timezone.now()
    if now < session.starts_at:
        raise ApplicationError(_("Attendance is marked once the session has started."))
    came = set(attended)
    registered = SessionRegistration.objects.filter(
        session=session, status=waitlist.RegistrationStatus.REGISTERED
    )
    count = registered.filter(user_id__in=came).update(attended=True)
    registered.exclude(user_id__in=came).update(attended=False)
    record(
        actor=by,
        verb="training.attendance_marked",
        target=session.training,
        data={"session": session.pk, "attended": count},
    )
    return count


def _locked(session: TrainingSession) -> TrainingSession:
    current = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if current.is_cancelled:
        raise SessionAlreadyCancelled()
    return current


@transaction.atomic
def session_update(
    *,
    session: TrainingSession,
    changed_by: User,
    starts_at: datetime.datetime,
    duration_minutes: int,
    capacity: int,
    place: str = "",
    address: str = "",
    accessibility: str = "",
    online_link: str = "",
    now: datetime.datetime | None = None,
) -> TrainingSession:
    """Change a session that has not started. More seats go at once to the people waiting;
    fewer than those registered are refused. Everyone registered or waiting is told of a new
    date or place, with the event for their calendar."""
    now = now or timezone.now()
    current = _locked(session)
    if now >= current.starts_at:
        raise ApplicationError(_("The session has started: it can no longer change."))
    validate_session_fields(
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        capacity=capacity,
        place=place,
        online_link=online_link,
        now=now,
        new=starts_at != current.starts_at,
    )
    if capacity < current.registered_count:
        raise InvalidInput(
            _("%(count)s people are already registered: keep at least as many seats.")
            % {"count": current.registered_count},
            field="capacity",
        )
    ends_at = starts_at + datetime.timedelta(minutes=duration_minutes)
    moved = (current.starts_at, current.ends_at, current.place, current.online_link) != (
        starts_at,
        ends_at,
        place.strip(),
        online_link,
    )
    values = {
        "starts_at": starts_at,
        "ends_at": ends_at,
        "capacity": capacity,
        "place": place.strip(),
        "address": address.strip(),
        "accessibility": clean_text(accessibility, field="accessibility"),
        "online_link": online_link,
        "sequence": current.sequence + 1,
    }
    TrainingSession.objects.filter(pk=current.pk).update(**values)
    for name, value in values.items():
        setattr(session, name, value)
    promoted = waitlist.fill_free_seats(
        event=session, registration_model=SessionRegistration, now=now
    )
    record(
        actor=changed_by,
        verb="training.session_changed",
        target=session.training,
        data={"starts_at": starts_at.isoformat()},
    )
    for registration_id in promoted:
        transaction.on_commit(partial(tasks.tell_seat_given.enqueue, registration_id))
    session_id, sequence = session.pk, session.sequence
    if moved:
        transaction.on_commit(lambda: tasks.tell_session_changed.enqueue(session_id, sequence))
    # A new reminder at the new time for everyone seated (the old ones see the new sequence).
    seated = SessionRegistration.objects.filter(
        session=session, status=waitlist.RegistrationStatus.REGISTERED
    ).values_list("pk", flat=True)
    for registration_id in seated:
        _remind_later(registration_id, session)
    return session


@transaction.atomic
def session_cancel(*, session: TrainingSession, by: User, reason: str, now=None):
    """Cancel a session, with its reason shown; everyone registered or waiting is told."""
    now = now or timezone.now()
    reason = clean_text(reason, field="reason")
    if not reason:
        raise InvalidInput(_("Say why the session is cancelled."), field="reason")
    current = _locked(session)
    TrainingSession.objects.filter(pk=current.pk).update(
        cancelled_at=now, cancel_reason=reason, sequence=current.sequence + 1
    )
    session.cancelled_at, session.cancel_reason = now, reason
    session.sequence = current.sequence + 1
    record(
        actor=by,
        verb="training.session_cancelled",
        target=session.training,
        data={"reason": reason},
    )
    session_id = session.pk
    transaction.on_commit(lambda: tasks.tell_session_cancelled.enqueue(session_id))
    return session
