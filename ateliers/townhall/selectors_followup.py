"""Reads of the public follow-up ("Suivi des préconisations"): every adopted recommendation with
the city's answer, its deadline and its progress, in a fixed number of queries however many
there are.

A recommendation's deadline is its workshop's: the hearing's day plus the workshop's months
(deadlines.add_months: 31 January + 1 month is the last day of February). Adding months is not
portable between SQLite and PostgreSQL, and repeating the deadline's subqueries for each of a
city's 10,000 recommendations is slow, so deadlines are computed in Python once per workshop
(a few hundred rows: `workshop_deadlines`), and the overdue filter becomes "of a workshop whose
deadline has passed, and not answered".
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Avg,
    F,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from ateliers.recommendations.models import (
    Adoption,
    Amendment,
    AmendmentStatus,
    Dossier,
    Recommendation,
)
from ateliers.recommendations.models import Status as RecommendationStatus
from ateliers.workshops.models import PUBLIC_STATUSES, Workshop
from ateliers.workshops.selectors import in_place

from .deadlines import answer_due, is_overdue
from .models import (
    DEFAULT_ANSWER_MONTHS,
    AgendaItem,
    Answer,
    AnswerStatus,
    CouncilSubmission,
    Milestone,
    MilestoneStatus,
    MilestoneUpdate,
)
from .selectors import (
    answer_months_of,
    answer_months_subquery,
    hearing_items,
    hearing_starts_subquery,
)

PER_PAGE = 50
# The answer filter's value for "no answer yet".
AWAITING = "awaiting"
VISIBLE = PUBLIC_STATUSES


def _of_its_answer(model=Milestone):
    return model.objects.filter(answer__recommendation_id=OuterRef("pk"))


def _per_recommendation(aggregate):
    """One value per recommendation from its milestones (None without any)."""
    return Subquery(
        _of_its_answer()
        .order_by()
        .values("answer_id")
        .annotate(value=aggregate)
        .values("value")[:1]
    )


def followed() -> QuerySet[Recommendation]:
    """The adopted recommendations of public workshops, with what the follow-up reads about
    each: its hearing, its months to answer, the deadline's month index, its adoption's date,
    its milestones' average progress and latest change, whether they are all done."""
    return (
        Recommendation.objects.filter(status=RecommendationStatus.ADOPTED)
        .filter(workshop__status__in=VISIBLE)
        .annotate(
            hearing_at=hearing_starts_subquery("workshop_id"),
            months=Coalesce(
                answer_months_subquery("workshop_id"),
                Value(DEFAULT_ANSWER_MONTHS),
                output_field=IntegerField(),
            ),
            adopted_at=Subquery(
                Adoption.objects.filter(recommendation_id=OuterRef("pk"), amendment__isnull=True)
                .exclude(decided_at=None)
                .values("decided_at")[:1]
            ),
            progress=_per_recommendation(Avg("progress")),
            milestones_updated_at=_per_recommendation(Max("updated_at")),
        )
    )


def workshop_deadlines(
    workshop_ids: Iterable[int] | QuerySet | None = None,
) -> dict[int, datetime.date]:
    """The answer deadline of each workshop whose hearing is scheduled (of `workshop_ids`, or
    of every workshop): one query."""
    workshops = (
        Workshop.objects.all()
        if workshop_ids is None
        else Workshop.objects.filter(pk__in=workshop_ids)
    )
    deadlines: dict[int, datetime.date] = {}
    for workshop_id, hearing_at, months in (
        workshops.annotate(
            hearing_at=hearing_starts_subquery("pk"), months=answer_months_subquery("pk")
        )
        .filter(hearing_at__isnull=False)
        .values_list("pk", "hearing_at", "months")
    ):
        due = answer_due(local_day(hearing_at), months)
        if due is not None:
            deadlines[workshop_id] = due
    return deadlines


def answered() -> Q:
    return Q(answer__isnull=False)


def overdue(today: datetime.date) -> Q:
    """Not answered, and its workshop's deadline is before `today` (the deadline's own day is
    still on time)."""
    late = [workshop_id for workshop_id, due in workshop_deadlines().items() if today > due]
    return Q(workshop_id__in=late) & ~answered()


def filtered(filters: dict, *, today: datetime.date) -> QuerySet[Recommendation]:
    """`followed()` narrowed by the follow-up's cleaned filters (forms_answers.py)."""
    recommendations = followed()
    if filters.get("workshop"):
        recommendations = recommendations.filter(workshop=filters["workshop"])
    recommendations = in_place(recommendations, filters, workshop="workshop__")
    status = filters.get("answer")
    if status == AWAITING:
        recommendations = recommendations.filter(~answered())
    elif status in AnswerStatus.values:
        recommendations = recommendations.filter(answer__status=status)
    if filters.get("overdue"):
        recommendations = recommendations.filter(overdue(today))
    return recommendations.order_by(F("adopted_at").desc(nulls_last=True), "-pk")


def for_rows(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """What a row shows besides the annotations: two more queries for any number of rows."""
    return recommendations.select_related("workshop__neighbourhood", "answer").prefetch_related(
        "workshop__themes"
    )


def local_day(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment is not None else None


@dataclass(frozen=True)
class FollowupRow:
    """One recommendation as the follow-up shows it, its dates computed."""

    recommendation: Recommendation
    answer: Answer | None
    adopted_on: datetime.date | None
    hearing_on: datetime.date | None
    due: datetime.date | None
    overdue: bool
    progress: int | None
    last_update: datetime.datetime | None

    @property
    def workshop(self) -> Workshop:
        return self.recommendation.workshop

    @property
    def themes(self) -> list:
        return list(self.recommendation.workshop.themes.all())


def answer_of(recommendation: Recommendation) -> Answer | None:
    try:
        return recommendation.answer
    except Answer.DoesNotExist:
        return None


def row_of(recommendation: Recommendation, today: datetime.date) -> FollowupRow:
    """The row of a recommendation from followed() (its annotations: `ours`)."""
    ours: Any = recommendation
    answer = answer_of(recommendation)
    hearing_on = local_day(ours.hearing_at)
    due = answer_due(hearing_on, ours.months)
    answered_on = local_day(answer.answered_at) if answer else None
    updates = [
        moment
        for moment in (answer.updated_at if answer else None, ours.milestones_updated_at)
        if moment is not None
    ]
    return FollowupRow(
        recommendation=recommendation,
        answer=answer,
        adopted_on=local_day(ours.adopted_at),
        hearing_on=hearing_on,
        due=due,
        overdue=is_overdue(due, answered_on, today),
        progress=round(ours.progress) if ours.progress is not None else None,
        last_update=max(updates) if updates else None,
    )


def answer_of_submission(submission: CouncilSubmission) -> Answer | None:
    try:
        return submission.answer
    except Answer.DoesNotExist:
        return None


def rows_of(recommendations: Iterable[Recommendation], today: datetime.date) -> list[FollowupRow]:
    return [row_of(recommendation, today) for recommendation in recommendations]


def hearing_body_subquery(workshop_ref: str = "workshop_id") -> Subquery:
    """For an annotation: the name of the body that first hears the workshop."""
    return Subquery(
        hearing_items().filter(workshop_id=OuterRef(workshop_ref)).values("session__body__name")[:1]
    )


def road_summary(recommendation: Recommendation) -> Recommendation | None:
    """The recommendation again with its answer, hearing, months and progress, in one query
    (the section on the recommendation's page)."""
    return followed().filter(pk=recommendation.pk).select_related("answer").first()


# --- The road of one recommendation or submission: a timeline ------------------------------

DONE = "done"
NEXT = "next"
LATE = "late"


@dataclass(frozen=True)
class Step:
    """One step of the road, ready for the timeline's template: what it is (`kind`), whether
    it happened, is to come or is late, when, and what it is about."""

    kind: str
    state: str
    when: datetime.date | datetime.datetime | None = None
    about: object = None
    due: datetime.date | None = None
    months: int | None = None
    # An answer given after its deadline.
    late_answer: bool = False

    @property
    def is_done(self) -> bool:
        return self.state == DONE

    @property
    def is_late(self) -> bool:
        return self.state == LATE


def recommendation_for_road(pk: int) -> Recommendation:
    """An adopted recommendation with its answer (and the session that decided it), and what
    the rules read about its workshop."""
    return (
        Recommendation.objects.filter(status=RecommendationStatus.ADOPTED)
        .select_related("workshop", "answer__session__body")
        .prefetch_related("workshop__phases", "workshop__facilitators")
        .get(pk=pk)
    )


def submission_for_road(pk: int) -> CouncilSubmission:
    return CouncilSubmission.objects.select_related("council", "answer__session__body").get(pk=pk)


def _milestones(answer: Answer) -> list[Milestone]:
    return list(
        Milestone.objects.filter(answer=answer).prefetch_related(
            Prefetch("updates", queryset=MilestoneUpdate.objects.order_by("written_at", "pk"))
        )
    )


def _from_the_hearing(
    items: list, answer: Answer | None, months: int, *, today: datetime.date, now
) -> list[Step]:
    """The road from the agenda on: the hearings, the answer (or its deadline), the
    milestones, and the end when they are all done."""
    steps = [
        Step("hearing", DONE if (held := item.session.starts_at) <= now else NEXT, held, item)
        for item in items
    ]
    if not items:
        steps.append(Step("hearing", NEXT))
    hearing_on = local_day(items[0].session.starts_at) if items else None
    due = answer_due(hearing_on, months)
    if answer is None:
        state = LATE if is_overdue(due, None, today) else NEXT
        steps.append(Step("answer", state, due, due=due, months=months))
        return steps
    answered_on = local_day(answer.answered_at)
    steps.append(
        Step(
            "answer",
            DONE,
            answer.answered_at,
            answer,
            due=due,
            months=months,
            late_answer=due is not None and answered_on is not None and answered_on > due,
        )
    )
    milestones = _milestones(answer)
    for milestone in milestones:
        if milestone.status == MilestoneStatus.DONE:
            state = DONE
        else:
            state = LATE if milestone.is_late(today) else NEXT
        steps.append(Step("milestone", state, milestone.target_date, milestone))
    if milestones and all(m.status == MilestoneStatus.DONE for m in milestones):
        steps.append(Step("done", DONE, max(m.completed_on for m in milestones if m.completed_on)))
    return steps


def road_of_recommendation(recommendation: Recommendation, *, today=None, now=None) -> list[Step]:
    """Drafted, amended, adopted, in the dossier, heard, answered, each milestone, done: in a
    fixed number of queries (six, or eight with an answer) whatever the number of steps."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    steps = [Step("drafted", DONE, recommendation.created_at)]
    amendments = Amendment.objects.filter(
        recommendation=recommendation, status=AmendmentStatus.ACCEPTED, answered_at__isnull=False
    ).order_by("answered_at", "pk")
    steps += [Step("amended", DONE, amendment.answered_at, amendment) for amendment in amendments]
    adoption = (
        Adoption.objects.filter(recommendation=recommendation, amendment__isnull=True)
        .exclude(decided_at=None)
        .first()
    )
    if adoption is not None:
        steps.append(Step("adopted", DONE, adoption.decided_at, adoption))
    dossier = (
        Dossier.objects.filter(workshop_id=recommendation.workshop_id).exclude(made_at=None).first()
    )
    if dossier is not None:
        steps.append(Step("dossier", DONE, dossier.made_at, dossier))
    items = list(hearing_items().filter(workshop_id=recommendation.workshop_id))
    steps += _from_the_hearing(
        items,
        answer_of(recommendation),
        answer_months_of(recommendation.workshop),
        today=today,
        now=now,
    )
    return steps


def road_of_submission(submission: CouncilSubmission, *, today=None, now=None) -> list[Step]:
    """Sent, on an agenda and heard, answered, each milestone, done."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    items = list(
        AgendaItem.objects.filter(submission=submission, session__cancelled=False)
        .select_related("session__body")
        .order_by("session__starts_at", "pk")
    )
    return [Step("submitted", DONE, submission.submitted_at, submission)] + _from_the_hearing(
        items, answer_of_submission(submission), submission.answer_months, today=today, now=now
    )
