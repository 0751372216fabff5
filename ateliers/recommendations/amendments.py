"""Writes of the amendments: a participant proposes a replacement text for a recommendation's
text, with a reason; one of its authors accepts it (it becomes a new version) or rejects it
(with an answer); a rejected amendment may then be put to the adoption on its own.

All of it only while the recommendation is a draft: the opening of the adoption freezes it.
Each answer is a conditional update on the still pending amendment, under a lock of the
recommendation's row, so that two authors answering at once give one answer."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import ApplicationError, Collected, StateChanged
from ateliers.core.models import User
from ateliers.workshops.rules import can_manage_workshop

from .models import Amendment, AmendmentStatus, Recommendation, Status
from .services import (
    MAX_NOTE,
    MAX_TEXT,
    WRITE_SOMETHING,
    NoLongerADraft,
    checked_text,
    is_author,
    version_add,
)

MAX_REASON = MAX_NOTE


class AlreadyAnswered(StateChanged):
    default_message = _("This amendment was already answered: your answer was not recorded.")


class NothingChanged(ApplicationError):
    default_message = _(
        "The proposed text is the same as the recommendation's current text: change something."
    )


class NotRejected(StateChanged):
    default_message = _("Only a rejected amendment can be put to the adoption.")


class AlreadyPutToVote(StateChanged):
    default_message = _("This amendment is already put to the adoption.")


def _lock_draft(recommendation: Recommendation) -> Recommendation:
    """The recommendation's row, locked (PostgreSQL) and read again; NoLongerADraft when the
    adoption froze it."""
    current = (
        Recommendation.objects.select_for_update()
        .select_related("workshop")
        .get(pk=recommendation.pk)
    )
    if current.status != Status.DRAFT:
        raise NoLongerADraft()
    return current


@transaction.atomic
def amendment_propose(
    *, recommendation: Recommendation, by: User, text: str, reason: str
) -> Amendment:
    errors = Collected()
    text = checked_text(errors, text, field="text", longest=MAX_TEXT, missing=WRITE_SOMETHING)
    reason = checked_text(
        errors, reason, field="reason", longest=MAX_REASON, missing=WRITE_SOMETHING
    )
    errors.raise_if_any()
    current = _lock_draft(recommendation)
    if text == current.text.strip():
        raise NothingChanged(field="text")
    amendment = Amendment.objects.create(
        recommendation=current,
        author=by,
        base_version=current.version,
        text=text,
        reason=reason,
    )
    record(
        actor=by,
        verb="recommendations.amendment_proposed",
        target=current.workshop,
        data={"title": current.title},
    )
    return amendment


def _answerable(amendment: Amendment, by: User) -> Recommendation:
    current = _lock_draft(amendment.recommendation)
    if not is_author(current, by):
        raise ApplicationError(_("Only the authors of a recommendation can answer its amendments."))
    return current


@transaction.atomic
def amendment_accept(*, amendment: Amendment, by: User) -> Amendment:
    """The amendment's text becomes the recommendation's next version (its other fields stay
    as they are), written by the amendment's author."""
    current = _answerable(amendment, by)
    number = current.version + 1
    now = timezone.now()
    answered = Amendment.objects.filter(pk=amendment.pk, status=AmendmentStatus.PENDING).update(
        status=AmendmentStatus.ACCEPTED, answered_by=by, answered_at=now, made_version=number
    )
    if not answered:
        raise AlreadyAnswered()
    accepted = Amendment.objects.get(pk=amendment.pk)
    version_add(current, by_id=accepted.author_id, text=accepted.text)
    record(
        actor=by,
        verb="recommendations.amendment_accepted",
        target=current.workshop,
        data={"title": current.title, "number": number},
    )
    return accepted


@transaction.atomic
def amendment_reject(*, amendment: Amendment, by: User, reason: str) -> Amendment:
    errors = Collected()
    reason = checked_text(
        errors,
        reason,
        field="reason",
        longest=MAX_REASON,
        missing=_("Say why the amendment is rejected: its author and the workshop will read it."),
    )
    errors.raise_if_any()
    current = _answerable(amendment, by)
    answered = Amendment.objects.filter(pk=amendment.pk, status=AmendmentStatus.PENDING).update(
        status=AmendmentStatus.REJECTED, answer=reason, answered_by=by, answered_at=timezone.now()
    )
    if not answered:
        raise AlreadyAnswered()
    record(
        actor=by,
        verb="recommendations.amendment_rejected",
        target=current.workshop,
        data={"title": current.title},
    )
    return Amendment.objects.get(pk=amendment.pk)


def may_put_to_vote(amendment: Amendment, by: User) -> bool:
    """The amendment's author or the workshop's team."""
    if not by.is_authenticated:
        return False
    return amendment.author_id == by.pk or can_manage_workshop.test(
        by, amendment.recommendation.workshop
    )


@transaction.atomic
def amendment_put_to_vote(*, amendment: Amendment, by: User) -> Amendment:
    """A rejected amendment becomes an item of the adoption on its own, once."""
    current = _lock_draft(amendment.recommendation)
    if not may_put_to_vote(amendment, by):
        raise ApplicationError(
            _("Only the amendment's author or the workshop's team can put it to the adoption.")
        )
    updated = Amendment.objects.filter(
        pk=amendment.pk, status=AmendmentStatus.REJECTED, put_to_vote=False
    ).update(put_to_vote=True)
    if not updated:
        fresh = Amendment.objects.get(pk=amendment.pk)
        raise AlreadyPutToVote() if fresh.put_to_vote else NotRejected()
    record(
        actor=by,
        verb="recommendations.amendment_put_to_vote",
        target=current.workshop,
        data={"title": current.title},
    )
    return Amendment.objects.get(pk=amendment.pk)
