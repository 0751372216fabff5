"""The city's answers and the milestones of what it accepted. City staff record them; each
answer and each milestone update is logged publicly (the follow-up's timeline) and told once
to the people concerned (tasks.py)."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import Collected, InvalidInput, StateChanged
from ateliers.core.models import User
from ateliers.core.plausible import date_message, is_plausible_date
from ateliers.recommendations.models import Recommendation
from ateliers.recommendations.models import Status as RecommendationStatus
from ateliers.recommendations.services import checked_text
from ateliers.workshops.models import Workshop

from .models import (
    Answer,
    AnswerDeadline,
    AnswerStatus,
    CouncilSubmission,
    Milestone,
    MilestoneStatus,
    MilestoneUpdate,
    Session,
)

MAX_TEXT = 10_000
REQUIRED = _("Please fill in this field.")


def _subject_of(answer: Answer) -> Recommendation | CouncilSubmission:
    subject = answer.recommendation if answer.recommendation_id else answer.submission
    assert subject is not None  # a check constraint: an answer is to one of the two
    return subject


def answer_save(
    *,
    actor: User,
    status: str,
    justification: str,
    service: str,
    elected_official: str,
    session: Session | None = None,
    recommendation: Recommendation | None = None,
    submission: CouncilSubmission | None = None,
) -> Answer:
    """Give (or change) the city's answer to an adopted recommendation or a council's
    submission. A justification is required unless the answer is "accepted"."""
    errors = Collected()
    if status not in AnswerStatus.values:
        errors.add("status", _("Please choose an answer."))
    justification = checked_text(
        errors,
        justification,
        field="justification",
        longest=MAX_TEXT,
        missing=None
        if status == AnswerStatus.ACCEPTED
        else _("Please say why: a justification is required unless the answer is “accepted”."),
    )
    service = checked_text(errors, service, field="service", longest=160, missing=REQUIRED)
    elected_official = checked_text(
        errors, elected_official, field="elected_official", longest=160, missing=REQUIRED
    )
    if session is not None and (session.cancelled or session.starts_at > timezone.now()):
        errors.add("session", _("Choose a session that has taken place."))
    errors.raise_if_any()
    if (recommendation is None) == (submission is None):
        raise InvalidInput(_("An answer is to one recommendation or one submission."))
    now = timezone.now()
    with transaction.atomic():
        locked: Recommendation | CouncilSubmission
        if recommendation is not None:
            locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
            if locked.status != RecommendationStatus.ADOPTED:
                raise StateChanged(_("Only an adopted recommendation gets the city's answer."))
            existing = Answer.objects.filter(recommendation=locked).first()
        else:
            assert submission is not None  # one of the two, checked above
            locked = CouncilSubmission.objects.select_for_update().get(pk=submission.pk)
            existing = Answer.objects.filter(submission=locked).first()
        first = existing is None
        answer = existing or Answer(
            recommendation=recommendation, submission=submission, answered_at=now
        )
        answer.status = status
        answer.justification = justification
        answer.service = service
        answer.elected_official = elected_official
        answer.session = session
        answer.answered_by = actor
        answer.updated_at = now
        try:
            with transaction.atomic():
                answer.save()
        except IntegrityError:
            raise StateChanged() from None
        action = record(
            actor=actor,
            verb="townhall.answered" if first else "townhall.answer_changed",
            target=locked,
            data={"title": locked.title, "status": status},
            public=True,
        )
        _tell(action.pk)
    return answer


def _check_milestone(errors: Collected, title: str, target_date) -> str:
    title = checked_text(errors, title, field="title", longest=160, missing=REQUIRED)
    if target_date is None or not is_plausible_date(target_date):
        errors.add("target_date", date_message())
    return title


def milestone_add(
    *, actor: User, answer: Answer, title: str, target_date: datetime.date
) -> Milestone:
    errors = Collected()
    title = _check_milestone(errors, title, target_date)
    errors.raise_if_any()
    if not answer.commits:
        raise InvalidInput(_("Milestones follow an accepted or partially accepted recommendation."))
    with transaction.atomic():
        milestone = Milestone.objects.create(
            answer=answer, title=title, target_date=target_date, updated_at=timezone.now()
        )
        subject = _subject_of(answer)
        record(
            actor=actor,
            verb="townhall.milestone_added",
            target=subject,
            data={"title": subject.title, "milestone": title, "date": target_date.isoformat()},
            public=True,
        )
    return milestone


def milestone_update(
    *, actor: User, milestone: Milestone, status: str, progress: int, note: str
) -> MilestoneUpdate:
    """A dated note on the milestone's progress. "Done" means 100 %, dated today."""
    errors = Collected()
    note = checked_text(
        errors, note, field="note", longest=MAX_TEXT, missing=_("Please say what happened.")
    )
    if status not in MilestoneStatus.values:
        errors.add("status", _("Please choose a status."))
    if progress is None or not 0 <= progress <= 100:
        errors.add("progress", _("Progress is between 0 and 100 %."))
    errors.raise_if_any()
    if status == MilestoneStatus.DONE:
        progress = 100
    elif progress == 100:
        status = MilestoneStatus.DONE
    now = timezone.now()
    with transaction.atomic():
        locked = Milestone.objects.select_for_update().select_related("answer").get(pk=milestone.pk)
        locked.status = status
        locked.progress = progress
        locked.note = note
        locked.completed_on = timezone.localdate() if status == MilestoneStatus.DONE else None
        locked.updated_at = now
        locked.save()
        update = MilestoneUpdate.objects.create(
            milestone=locked,
            status=status,
            progress=progress,
            note=note,
            written_by=actor,
            written_at=now,
        )
        subject = _subject_of(locked.answer)
        action = record(
            actor=actor,
            verb="townhall.milestone_updated",
            target=subject,
            data={"title": subject.title, "milestone": locked.title, "progress": progress},
            public=True,
        )
        _tell(action.pk)
    return update


def answer_deadline_set(*, actor: User, workshop: Workshop, months: int) -> AnswerDeadline:
    if months is None or not 1 <= months <= 24:
        raise InvalidInput(_("Between 1 and 24 months."), field="months")
    with transaction.atomic():
        deadline, _created = AnswerDeadline.objects.update_or_create(
            workshop=workshop, defaults={"months": months}
        )
        record(
            actor=actor,
            verb="townhall.deadline_set",
            target=workshop,
            data={"title": workshop.title, "months": months},
            public=True,
        )
    return deadline


def _tell(action_id: int) -> None:
    """The participants (or the council's members) hear of it once the answer is saved."""
    from . import tasks

    transaction.on_commit(lambda: tasks.tell_about.enqueue(action_id))
