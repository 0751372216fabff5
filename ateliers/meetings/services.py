"""Writes for meetings: plan one for a workshop or a council, change or cancel it (people who
registered are told), register and cancel (core/waitlist.py), and close it after it took
place with its minutes and the number of people who came."""

import datetime
import re
from collections.abc import Iterable, Sequence
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core import reminders, waitlist
from ateliers.core.errors import ApplicationError, Collected, InvalidInput, StateChanged
from ateliers.core.models import User
from ateliers.core.names import clean_name
from ateliers.core.plausible import date_message, is_plausible_date
from ateliers.core.texts import clean_text
from ateliers.councils.models import Council
from ateliers.documents.models import Document
from ateliers.workshops.models import Workshop

from . import tasks
from .models import MAX_ATTENDEES, MAX_SEATS, AgendaItem, Meeting, MeetingRegistration

LONGEST = datetime.timedelta(hours=24)
# "- ", "* ", "• ", "3. " or "3) " at the start of an agenda line.
LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")
MAX_AGENDA_ITEMS = 30


class MeetingCancelled(StateChanged):
    default_message = _("This meeting was cancelled: nothing more can change.")


class MeetingClosed(StateChanged):
    default_message = _("This meeting is closed: its minutes are published.")


class NoRegistration(ApplicationError):
    default_message = _("This meeting is open to all without registration: just come.")


def agenda_lines(text: str) -> list[str]:
    """The agenda typed one item per line, without empty lines or list marks."""
    items = []
    for line in (text or "").splitlines():
        item = LIST_MARK.sub("", line).strip()
        if item:
            items.append(item[:300])
    return items


def validate_meeting_fields(
    *,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    place: str,
    online_link: str,
    registration_required: bool,
    capacity: int | None,
    agenda: Sequence[str],
    now: datetime.datetime,
    new: bool = True,
    registered: int = 0,
) -> None:
    errors = Collected()
    if not is_plausible_date(timezone.localdate(starts_at)):
        errors.add("starts_at", date_message())
    elif new and starts_at <= now:
        errors.add("starts_at", _("A new meeting must start in the future."))
    if ends_at <= starts_at:
        errors.add("ends_at", _("The meeting must end after it starts."))
    elif ends_at - starts_at > LONGEST:
        errors.add("ends_at", _("A meeting lasts a day at most."))
    if not place.strip() and not online_link:
        errors.add("place", _("Give the place where it happens, or an online link."))
    if capacity is not None and not registration_required:
        errors.add("capacity", _("Seats are counted only when registration is required."))
    elif capacity is not None and not 1 <= capacity <= MAX_SEATS:
        errors.add(
            "capacity",
            _("A meeting has between 1 and %(most)s seats.") % {"most": f"{MAX_SEATS:,}"},
        )
    elif capacity is not None and capacity < registered:
        errors.add(
            "capacity",
            _("%(count)s people are already registered: keep at least as many seats.")
            % {"count": registered},
        )
    if len(agenda) > MAX_AGENDA_ITEMS:
        errors.add(
            "agenda", _("An agenda has %(most)s items at most.") % {"most": MAX_AGENDA_ITEMS}
        )
    errors.raise_if_any()


def _public(owner) -> bool:
    return not (isinstance(owner, Workshop) and owner.status == Workshop.Status.DRAFT)


def _set_agenda(meeting: Meeting, agenda: Sequence[str]) -> None:
    meeting.agenda.all().delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=index, title=title)
        for index, title in enumerate(agenda, start=1)
    )


def _meeting_values(
    *,
    kind: str,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    description: str,
    place: str,
    address: str,
    accessibility: str,
    online_link: str,
    contact: str,
    registration_required: bool,
    capacity: int | None,
    agenda: Sequence[str],
    now: datetime.datetime,
    new: bool = True,
    registered: int = 0,
) -> dict:
    """What an organiser typed for a meeting, cleaned and checked, as its fields."""
    title = clean_name(title, field="title")
    if kind not in Meeting.Kind.values:
        raise InvalidInput(_("Choose the kind of meeting."), field="kind")
    validate_meeting_fields(
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_link=online_link,
        registration_required=registration_required,
        capacity=capacity,
        agenda=agenda,
        now=now,
        new=new,
        registered=registered,
    )
    return {
        "kind": kind,
        "title": title,
        "description": clean_text(description, field="description"),
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": place.strip(),
        "address": address.strip(),
        "accessibility": clean_text(accessibility, field="accessibility"),
        "online_link": online_link,
        "contact": contact.strip(),
        "registration_required": registration_required,
        "capacity": capacity if registration_required else None,
    }


@transaction.atomic
def meeting_create(
    *,
    owner: Workshop | Council,
    created_by: User,
    kind: str,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    description: str = "",
    place: str = "",
    address: str = "",
    accessibility: str = "",
    online_link: str = "",
    contact: str = "",
    registration_required: bool = False,
    capacity: int | None = None,
    agenda: Sequence[str] = (),
    now: datetime.datetime | None = None,
) -> Meeting:
    values = _meeting_values(
        kind=kind,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        description=description,
        place=place,
        address=address,
        accessibility=accessibility,
        online_link=online_link,
        contact=contact,
        registration_required=registration_required,
        capacity=capacity,
        agenda=agenda,
        now=now or timezone.now(),
    )
    meeting = Meeting.objects.create(
        **values,
        workshop=owner if isinstance(owner, Workshop) else None,
        council=owner if isinstance(owner, Council) else None,
        created_by=created_by,
    )
    _set_agenda(meeting, agenda)
    record(
        actor=created_by,
        verb="meeting.planned",
        target=owner,
        data={"title": meeting.title, "starts_at": starts_at.isoformat()},
        public=_public(owner),
    )
    return meeting


def _locked(meeting: Meeting) -> Meeting:
    """The meeting read again, its row locked until the transaction ends (PostgreSQL)."""
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if current.is_cancelled:
        raise MeetingCancelled()
    if current.is_closed:
        raise MeetingClosed()
    return current


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    changed_by: User,
    kind: str,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    description: str = "",
    place: str = "",
    address: str = "",
    accessibility: str = "",
    online_link: str = "",
    contact: str = "",
    registration_required: bool = False,
    capacity: int | None = None,
    agenda: Sequence[str] = (),
    now: datetime.datetime | None = None,
) -> Meeting:
    """Change a meeting that has not taken place; the people registered are told by e-mail
    (with the updated event for their calendar)."""
    now = now or timezone.now()
    current = _locked(meeting)
    if current.registration_required and not registration_required and current.registered_count:
        raise InvalidInput(
            _("People have registered: registration stays required."),
            field="registration_required",
        )
    values = _meeting_values(
        kind=kind,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        description=description,
        place=place,
        address=address,
        accessibility=accessibility,
        online_link=online_link,
        contact=contact,
        registration_required=registration_required,
        capacity=capacity,
        agenda=agenda,
        now=now,
        new=starts_at != current.starts_at,
        registered=current.registered_count,
    )
    moved = (current.starts_at, current.ends_at, current.place, current.online_link) != (
        values["starts_at"],
        values["ends_at"],
        values["place"],
        values["online_link"],
    )
    values["sequence"] = current.sequence + 1
    Meeting.objects.filter(pk=current.pk).update(**values)
    for name, value in values.items():
        setattr(meeting, name, value)
    _set_agenda(meeting, agenda)
    record(
        actor=changed_by,
        verb="meeting.changed",
        target=meeting.owner,
        data={"title": meeting.title},
        public=_public(meeting.owner),
    )
    promoted = waitlist.fill_free_seats(
        event=meeting, registration_model=MeetingRegistration, now=now
    )
    for registration_id in promoted:
        transaction.on_commit(partial(tasks.tell_seat_given.enqueue, registration_id))
    if moved:
        meeting_id, sequence = meeting.pk, meeting.sequence
        transaction.on_commit(lambda: tasks.tell_meeting_changed.enqueue(meeting_id, sequence))
    # A new reminder at the new time for everyone seated (the old ones see the new sequence).
    seated = MeetingRegistration.objects.filter(
        meeting=meeting, status=waitlist.RegistrationStatus.REGISTERED
    ).values_list("pk", flat=True)
    for registration_id in seated:
        _remind_later(registration_id, meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by: User, reason: str, now=None) -> Meeting:
    """Cancel a meeting, with the reason shown on its page; registered people are told."""
    now = now or timezone.now()
    reason = clean_text(reason, field="reason")
    if not reason:
        raise InvalidInput(_("Say why the meeting is cancelled."), field="reason")
    current = _locked(meeting)
    Meeting.objects.filter(pk=current.pk).update(
        cancelled_at=now, cancel_reason=reason, sequence=current.sequence + 1
    )
    meeting.cancelled_at, meeting.cancel_reason = now, reason
    meeting.sequence = current.sequence + 1
    record(
        actor=by,
        verb="meeting.cancelled",
        target=meeting.owner,
        data={"title": meeting.title, "reason": reason},
        public=_public(meeting.owner),
    )
    meeting_id = meeting.pk
    transaction.on_commit(lambda: tasks.tell_meeting_cancelled.enqueue(meeting_id))
    return meeting


@transaction.atomic
def meeting_close(
    *,
    meeting: Meeting,
    by: User,
    minutes: str,
    attendee_count: int,
    documents: Iterable[Document] = (),
    now=None,
) -> Meeting:
    """After the meeting: its minutes (required), how many came, and documents of its
    workshop or council attached."""
    now = now or timezone.now()
    errors = Collected()
    minutes = clean_text(minutes, field="minutes")
    if not minutes:
        errors.add("minutes", _("Write the minutes: what was said and decided."))
    if not 0 <= attendee_count <= MAX_ATTENDEES:
        errors.add("attendee_count", _("Give the number of people who came."))
    if now < meeting.starts_at:
        errors.add(None, _("A meeting is closed once it has taken place."))
    chosen = list(documents)
    if any(document.owner != meeting.owner for document in chosen):
        errors.add("documents", _("Choose documents of this meeting's workshop or council."))
    errors.raise_if_any()
    current = _locked(meeting)
    Meeting.objects.filter(pk=current.pk).update(
        closed_at=now, minutes=minutes, attendee_count=attendee_count
    )
    meeting.closed_at, meeting.minutes, meeting.attendee_count = now, minutes, attendee_count
    meeting.documents.set(chosen)
    record(
        actor=by,
        verb="meeting.closed",
        target=meeting.owner,
        data={"title": meeting.title, "attendees": attendee_count},
        public=_public(meeting.owner),
    )
    return meeting


@transaction.atomic
def meeting_register(
    *, meeting: Meeting, user: User, language: str = "fr", now=None
) -> waitlist.Outcome:
    now = now or timezone.now()
    if not meeting.registration_required:
        raise NoRegistration()
    if meeting.is_cancelled:
        raise MeetingCancelled()
    outcome = waitlist.register(
        event=meeting,
        registration_model=MeetingRegistration,
        user=user,
        now=now,
        language=language,
    )
    record(
        actor=user,
        verb="meeting.registered" if outcome.position is None else "meeting.waitlisted",
        target=meeting.owner,
        data={"title": meeting.title},
        public=False,
    )
    if outcome.position is None:
        _remind_later(outcome.registration.pk, meeting)
    return outcome


def _remind_later(registration_id: int, meeting: Meeting) -> None:
    """The reminder the day before, planned once the transaction has committed."""
    sequence, run_after = meeting.sequence, meeting.starts_at - reminders.AHEAD
    transaction.on_commit(
        lambda: reminders.enqueue_at(tasks.remind, registration_id, sequence, run_after=run_after)
    )


@transaction.atomic
def registration_cancel(*, registration: MeetingRegistration, by: User, now=None):
    now = now or timezone.now()
    meeting = registration.meeting
    if now >= meeting.starts_at:
        raise ApplicationError(_("The meeting has started: a registration can no longer change."))
    promoted = waitlist.cancel(registration=registration, now=now)
    record(
        actor=by,
        verb="meeting.registration_cancelled",
        target=meeting.owner,
        data={"title": meeting.title},
        public=False,
    )
    if promoted is not None:
        promoted_id = promoted.pk
        transaction.on_commit(lambda: tasks.tell_seat_given.enqueue(promoted_id))
        _remind_later(promoted_id, meeting)
    return promoted
