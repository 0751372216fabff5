"""Writes of the town hall's bodies: bodies and their members, sessions, agenda items and
outcomes, and the councils' submissions. Every write checks what the law and the dates allow,
logs itself (activity) and leaves nothing half-written."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import ApplicationError, Collected, InvalidInput, StateChanged
from ateliers.core.models import Theme, User
from ateliers.core.names import clean_name
from ateliers.core.plausible import date_message, is_plausible_date
from ateliers.core.slugs import unique_slug
from ateliers.councils.models import Council
from ateliers.recommendations.models import Status as RecommendationStatus
from ateliers.recommendations.services import checked_text
from ateliers.workshops.models import Workshop

from .models import (
    COUNCILLORS_ONLY,
    AgendaItem,
    Body,
    BodyKind,
    BodyMember,
    CouncilSubmission,
    ItemKind,
    MemberCapacity,
    Session,
)

MAX_NAME = 160
MAX_TEXT = 10_000
MAX_PLACE = 200


class SessionClosed(StateChanged):
    default_message = _(
        "This session's outcome is recorded or it was cancelled: its agenda is closed."
    )


REQUIRED = _("Please fill in this field.")


# --- Bodies ---------------------------------------------------------------------------------


def body_save(
    *,
    actor: User,
    kind: str,
    name: str,
    description: str = "",
    public_sessions: bool = True,
    themes: list[Theme] | tuple = (),
    body: Body | None = None,
) -> Body:
    errors = Collected()
    name = checked_text(errors, name, field="name", longest=MAX_NAME, missing=REQUIRED)
    description = checked_text(errors, description, field="description", longest=MAX_TEXT)
    if kind not in BodyKind.values:
        errors.add("kind", _("Please choose a kind of body."))
    errors.raise_if_any()
    with transaction.atomic():
        if body is None:
            body = Body(kind=kind, slug=unique_slug(Body, name, fallback="instance"))
        elif (
            kind != body.kind
            and body.members.exclude(capacity=MemberCapacity.COUNCILLOR).exists()
            and kind in COUNCILLORS_ONLY
        ):
            raise InvalidInput(
                _(
                    "This body has members who are not councillors: it cannot become a municipal "
                    "council or a commission."
                ),
                field="kind",
            )
        body.kind = kind
        body.name = name
        body.description = description
        body.public_sessions = public_sessions
        try:
            with transaction.atomic():
                body.save()
        except IntegrityError:
            if (
                kind == BodyKind.MUNICIPAL_COUNCIL
                and Body.objects.filter(kind=BodyKind.MUNICIPAL_COUNCIL)
                .exclude(pk=body.pk)
                .exists()
            ):
                raise InvalidInput(
                    _("The city already has its municipal council."), field="kind"
                ) from None
            raise InvalidInput(_("Another body already has this name."), field="name") from None
        body.themes.set(themes)
        record(actor=actor, verb="townhall.body_saved", target=body, data={"name": body.name})
    return body


def member_add(*, actor: User, body: Body, name: str, capacity: str, role: str) -> BodyMember:
    """A seat in `body`. The municipal council and its commissions seat councillors only
    (CGCT L2121-22): residents are heard there, they do not sit."""
    name = clean_name(name, field="name")
    if not name:
        raise InvalidInput(_("Please give the member's name."), field="name")
    if capacity not in MemberCapacity.values or role not in BodyMember.Role.values:
        raise InvalidInput(_("Please choose a capacity and a role."), field="capacity")
    if body.kind in COUNCILLORS_ONLY and capacity != MemberCapacity.COUNCILLOR:
        raise InvalidInput(
            _(
                "Only municipal councillors sit in the municipal council and its commissions; "
                "residents are heard there."
            ),
            field="capacity",
        )
    with transaction.atomic():
        try:
            with transaction.atomic():
                member = BodyMember.objects.create(
                    body=body, name=name, capacity=capacity, role=role
                )
        except IntegrityError:
            raise InvalidInput(_("This person already sits in this body."), field="name") from None
        record(actor=actor, verb="townhall.member_added", target=body, data={"name": member.name})
    return member


def member_remove(*, actor: User, member: BodyMember) -> None:
    with transaction.atomic():
        body = member.body
        name = member.name
        member.delete()
        record(actor=actor, verb="townhall.member_removed", target=body, data={"name": name})


# --- Sessions -------------------------------------------------------------------------------


def session_save(
    *,
    actor: User,
    body: Body,
    starts_at: datetime.datetime,
    place: str,
    public: bool,
    session: Session | None = None,
) -> Session:
    errors = Collected()
    place = checked_text(errors, place, field="place", longest=MAX_PLACE, missing=REQUIRED)
    if starts_at is None or not is_plausible_date(starts_at.date()):
        errors.add("starts_at", date_message())
    errors.raise_if_any()
    with transaction.atomic():
        if session is None:
            session = Session(body=body)
        elif session.held_at is not None or session.cancelled:
            raise SessionClosed()
        session.starts_at = starts_at
        session.place = place
        session.public = public
        session.save()
        record(
            actor=actor,
            verb="townhall.session_saved",
            target=session,
            data={"body": body.name, "date": starts_at.date().isoformat()},
        )
    return session


def session_cancel(*, actor: User, session: Session) -> Session:
    with transaction.atomic():
        updated = Session.objects.filter(
            pk=session.pk, held_at__isnull=True, cancelled=False
        ).update(cancelled=True)
        if not updated:
            raise SessionClosed()
        session.refresh_from_db()
        record(
            actor=actor,
            verb="townhall.session_cancelled",
            target=session,
            data={"body": session.body.name, "date": session.starts_at.date().isoformat()},
        )
    return session


def session_outcome(
    *, actor: User, session: Session, minutes: str, record_url: str = ""
) -> Session:
    """The session was held: its minutes and the link to the official record."""
    errors = Collected()
    minutes = checked_text(errors, minutes, field="minutes", longest=MAX_TEXT * 5, missing=REQUIRED)
    errors.raise_if_any()
    if session.cancelled:
        raise SessionClosed()
    if session.starts_at > timezone.now():
        raise InvalidInput(_("The session has not taken place yet."))
    with transaction.atomic():
        session.minutes = minutes
        session.record_url = record_url
        if session.held_at is None:
            session.held_at = timezone.now()
        session.save(update_fields=["minutes", "record_url", "held_at"])
        record(
            actor=actor,
            verb="townhall.session_held",
            target=session,
            data={"body": session.body.name, "date": session.starts_at.date().isoformat()},
            public=True,
        )
    return session


# --- Agenda ---------------------------------------------------------------------------------


def has_adopted_recommendations(workshop: Workshop) -> bool:
    return workshop.recommendations.filter(status=RecommendationStatus.ADOPTED).exists()


def item_add(
    *,
    actor: User,
    session: Session,
    kind: str,
    title: str = "",
    summary: str = "",
    workshop: Workshop | None = None,
    submission: CouncilSubmission | None = None,
) -> AgendaItem:
    """Put a workshop's dossier, a council's submission or a vœu at the end of the agenda."""
    errors = Collected()
    summary = checked_text(errors, summary, field="summary", longest=MAX_TEXT)
    if kind == ItemKind.DOSSIER:
        if workshop is None:
            errors.add("workshop", _("Please choose the workshop whose dossier is heard."))
        elif not has_adopted_recommendations(workshop):
            errors.add("workshop", _("This workshop has adopted no recommendation yet."))
        submission = None
        title = title or (
            str(_("Dossier of the workshop “%(title)s”")) % {"title": workshop.title}
            if workshop
            else ""
        )
    elif kind == ItemKind.SUBMISSION:
        if submission is None:
            errors.add("submission", _("Please choose the council's proposal or opinion."))
        workshop = None
        title = title or (submission.title if submission else "")
    elif kind == ItemKind.VOEU:
        workshop = submission = None
    else:
        errors.add("kind", _("Please choose what the item carries."))
    title = checked_text(errors, title, field="title", longest=200, missing=REQUIRED)
    errors.raise_if_any()
    with transaction.atomic():
        locked = Session.objects.select_for_update().get(pk=session.pk)
        if locked.held_at is not None or locked.cancelled:
            raise SessionClosed()
        last = locked.items.aggregate(last=Max("position"))["last"] or 0
        try:
            with transaction.atomic():
                item = AgendaItem.objects.create(
                    session=locked,
                    position=last + 1,
                    kind=kind,
                    title=title,
                    summary=summary,
                    workshop=workshop,
                    submission=submission,
                )
        except IntegrityError:
            raise InvalidInput(_("It is already on this session's agenda.")) from None
        record(
            actor=actor,
            verb="townhall.item_added",
            target=locked,
            data={"title": item.title, "body": session.body.name},
            public=True,
        )
    return item


def item_move(*, actor: User, item: AgendaItem, up: bool) -> None:
    """Swap the item with its neighbour above (or below); nothing at the edge."""
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=item.session_id)
        if session.held_at is not None or session.cancelled:
            raise SessionClosed()
        items = list(session.items.order_by("position", "pk"))
        index = next((i for i, each in enumerate(items) if each.pk == item.pk), None)
        if index is None:
            raise StateChanged()
        other = index - 1 if up else index + 1
        if not 0 <= other < len(items):
            return
        items[index], items[other] = items[other], items[index]
        for position, each in enumerate(items, start=1):
            if each.position != position:
                AgendaItem.objects.filter(pk=each.pk).update(position=position)
        record(
            actor=actor,
            verb="townhall.agenda_reordered",
            target=session,
            data={"title": item.title},
        )


def item_remove(*, actor: User, item: AgendaItem) -> None:
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=item.session_id)
        if session.held_at is not None or session.cancelled:
            raise SessionClosed()
        title = item.title
        item.delete()
        for position, each in enumerate(session.items.order_by("position", "pk"), start=1):
            if each.position != position:
                AgendaItem.objects.filter(pk=each.pk).update(position=position)
        record(actor=actor, verb="townhall.item_removed", target=session, data={"title": title})


def item_outcome(
    *,
    actor: User,
    item: AgendaItem,
    outcome: str,
    deliberation_number: str = "",
    deliberation_date: datetime.date | None = None,
    record_url: str = "",
) -> AgendaItem:
    """What the session made of the item. Only the municipal council deliberates: a number
    and a date belong to its sessions, and go together."""
    errors = Collected()
    outcome = checked_text(errors, outcome, field="outcome", longest=MAX_TEXT, missing=REQUIRED)
    deliberation_number = checked_text(
        errors, deliberation_number, field="deliberation_number", longest=40
    )
    session = item.session
    if deliberation_number or deliberation_date:
        if session.body.kind != BodyKind.MUNICIPAL_COUNCIL:
            errors.add(
                "deliberation_number",
                _(
                    "Only the municipal council deliberates: a commission or a committee gives an "
                    "opinion."
                ),
            )
        elif not (deliberation_number and deliberation_date):
            errors.add(
                "deliberation_date",
                _("A deliberation has both a number and a date."),
            )
        elif deliberation_date < session.starts_at.date():
            errors.add("deliberation_date", _("The deliberation cannot predate the session."))
    errors.raise_if_any()
    if session.cancelled:
        raise SessionClosed()
    if session.starts_at > timezone.now():
        raise InvalidInput(_("The session has not taken place yet."))
    with transaction.atomic():
        item.outcome = outcome
        item.deliberation_number = deliberation_number
        item.deliberation_date = deliberation_date
        item.record_url = record_url
        item.outcome_recorded_at = timezone.now()
        item.save()
        record(
            actor=actor,
            verb="townhall.item_outcome",
            target=session,
            data={"title": item.title, "body": session.body.name},
            public=True,
        )
    return item


# --- Councils' submissions ------------------------------------------------------------------


def submission_create(
    *,
    actor: User,
    council: Council,
    kind: str,
    title: str,
    text: str,
    answer_months: int = 3,
) -> CouncilSubmission:
    errors = Collected()
    title = checked_text(errors, title, field="title", longest=MAX_NAME, missing=REQUIRED)
    text = checked_text(errors, text, field="text", longest=MAX_TEXT, missing=REQUIRED)
    if kind not in CouncilSubmission.Kind.values:
        errors.add("kind", _("Please choose a proposal or an opinion."))
    if not 1 <= answer_months <= 24:
        errors.add("answer_months", _("Between 1 and 24 months."))
    errors.raise_if_any()
    with transaction.atomic():
        submission = CouncilSubmission.objects.create(
            council=council,
            kind=kind,
            title=title,
            text=text,
            submitted_by=actor,
            answer_months=answer_months,
        )
        record(
            actor=actor,
            verb="townhall.submission_received",
            target=submission,
            data={"title": title, "council": council.name},
            public=True,
        )
    return submission


__all__ = ["ApplicationError"]
