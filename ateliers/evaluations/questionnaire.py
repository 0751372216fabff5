"""The participants' anonymous questionnaire.

Opening it invites every participant (an `Invitation` each) and makes as many empty
`Response` slots, all at once, under random ids. Answering, in one transaction: the person's
invitation turns `answered` (a conditional update: one answer per person, whatever the race),
a slot drawn at random among the empty ones takes the answers, and every slot of the
questionnaire is rewritten. The tables then say who answered and what was answered, never
which answer is whose: no foreign key, no time, no order joins them (tests/evaluations).
On PostgreSQL the last answer's transaction id ends up on every slot. What lies beyond the
tables — the write-ahead log, a backup taken while answers come in — is the database
administrators' to keep, as for any personal data.
"""

import datetime
import uuid

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import ApplicationError, Collected, StateChanged
from ateliers.core.models import Neighbourhood, User
from ateliers.recommendations.services import checked_text
from ateliers.workshops.models import Participation, Workshop

from .models import (
    QUESTIONNAIRE_DAYS,
    RATED,
    Again,
    AgeBand,
    Invitation,
    Questionnaire,
    Response,
)


class AlreadyAnswered(ApplicationError):
    default_message = _("You have already answered this questionnaire: thank you.")


class NotInvited(ApplicationError):
    default_message = _(
        "This questionnaire is for the people who took part in the workshop when it opened."
    )


class QuestionnaireClosed(StateChanged):
    default_message = _("This questionnaire is closed.")


class AlreadyOpened(StateChanged):
    default_message = _("The questionnaire is already open.")


def questionnaire_open(*, actor: User, workshop: Workshop) -> Questionnaire:
    """Invite every participant for 30 days; the e-mails go in the background."""
    now = timezone.now()
    with transaction.atomic():
        questionnaire, created = Questionnaire.objects.get_or_create(
            workshop=workshop,
            defaults={
                "opens_at": now,
                "closes_at": now + datetime.timedelta(days=QUESTIONNAIRE_DAYS),
            },
        )
        if not created:
            raise AlreadyOpened()
        people = list(
            Participation.objects.filter(workshop=workshop).values_list("user_id", flat=True)
        )
        Invitation.objects.bulk_create(
            Invitation(questionnaire=questionnaire, user_id=user_id) for user_id in people
        )
        # Empty slots under random ids, sorted by id: their order says nothing.
        Response.objects.bulk_create(
            sorted(
                (Response(id=uuid.uuid4(), questionnaire=questionnaire) for _ in people),
                key=lambda slot: slot.id,
            )
        )
        questionnaire.invited = len(people)
        questionnaire.save(update_fields=["invited"])
        record(
            actor=actor,
            verb="evaluations.questionnaire_opened",
            target=workshop,
            data={"title": workshop.title, "count": len(people)},
            public=True,
        )
        from . import tasks

        transaction.on_commit(lambda: tasks.invite.enqueue(questionnaire.pk))
    return questionnaire


def _checked(answers: dict) -> dict:
    errors = Collected()
    values: dict = {}
    for name in RATED:
        rating = answers.get(name)
        if rating in (None, ""):
            values[name] = None
        elif str(rating) in {"1", "2", "3", "4", "5"}:
            values[name] = int(rating)
        else:
            errors.add(name, _("Please choose one of the five answers."))
    again = answers.get("again") or ""
    if again and again not in Again.values:
        errors.add("again", _("Please choose yes, maybe or no."))
    values["again"] = again
    values["change"] = checked_text(
        errors, answers.get("change") or "", field="change", longest=3_000
    )
    age_band = answers.get("age_band") or ""
    if age_band and age_band not in AgeBand.values:
        errors.add("age_band", _("Please choose an age band, or none."))
    values["age_band"] = age_band
    values["first_time"] = answers.get("first_time")
    neighbourhood = answers.get("neighbourhood")
    values["neighbourhood"] = neighbourhood if isinstance(neighbourhood, Neighbourhood) else None
    if all(values[name] is None for name in RATED) and not (again or values["change"]):
        errors.add(None, _("Please answer at least one question."))
    errors.raise_if_any()
    return values


def questionnaire_answer(*, user: User, questionnaire: Questionnaire, answers: dict) -> None:
    """Keep `user`'s answers, anonymously, once. Nothing is logged: the activity log would
    date the answer."""
    values = _checked(answers)
    if not questionnaire.is_open(timezone.now()):
        raise QuestionnaireClosed()
    with transaction.atomic():
        # One answer at a time per questionnaire: each rewrites every slot, and two doing it
        # at once could each wait for the other's.
        Questionnaire.objects.select_for_update().filter(pk=questionnaire.pk).first()
        marked = Invitation.objects.filter(
            questionnaire=questionnaire, user=user, answered=False
        ).update(answered=True)
        if not marked:
            if Invitation.objects.filter(questionnaire=questionnaire, user=user).exists():
                raise AlreadyAnswered()
            raise NotInvited()
        slot = (
            Response.objects.filter(questionnaire=questionnaire, filled=False).order_by("?").first()
        )
        if slot is None:  # as many slots as invitations: only a bug leads here
            raise StateChanged()
        for name, value in values.items():
            setattr(slot, name, value)
        slot.filled = True
        slot.save()
        # Every slot rewritten: none keeps the trace of this transaction alone.
        Response.objects.filter(questionnaire=questionnaire).update(rewrites=F("rewrites") + 1)
