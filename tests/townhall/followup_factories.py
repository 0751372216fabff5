"""Adopted recommendations, hearings and answers for the follow-up's tests, made with the ORM
where the services would refuse the dates a test needs (an answer given months ago)."""

import datetime
import itertools

from django.utils import timezone

from ateliers.recommendations.models import Adoption, Recommendation
from ateliers.townhall.models import (
    AgendaItem,
    Answer,
    AnswerDeadline,
    Body,
    CouncilSubmission,
    Milestone,
    Session,
)
from ateliers.workshops.phases import PhaseKind
from tests.factories import CouncilFactory, UserFactory, WorkshopFactory

_numbers = itertools.count(1)


def at_noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def answering_workshop(**kwargs):
    """A workshop in its presentation phase: the city answers its recommendations."""
    return WorkshopFactory(phase=PhaseKind.PRESENTATION, **kwargs)


def adopted(workshop=None, *, title=None, decided_at=None) -> Recommendation:
    workshop = workshop or answering_workshop()
    number = next(_numbers)
    recommendation = Recommendation.objects.create(
        workshop=workshop,
        title=title or f"Préconisation {number}",
        text="Planter des arbres.",
        general_interest="De l'ombre pour tous.",
        status=Recommendation.Status.ADOPTED,
    )
    Adoption.objects.create(
        recommendation=recommendation,
        method=Adoption.Method.CONSENSUS,
        result=Adoption.Result.ADOPTED,
        decided_at=decided_at or timezone.now(),
    )
    return recommendation


def a_body(name="Commission cadre de vie") -> Body:
    body, _created = Body.objects.get_or_create(
        name=name,
        defaults={"kind": Body.Kind.COMMISSION, "slug": f"body-{next(_numbers)}"},
    )
    return body


def heard(workshop, starts_at: datetime.datetime, *, body=None, months=None) -> AgendaItem:
    """The workshop's dossier on a session's agenda on `starts_at`."""
    session = Session.objects.create(body=body or a_body(), starts_at=starts_at, place="Mairie")
    if months is not None:
        AnswerDeadline.objects.update_or_create(workshop=workshop, defaults={"months": months})
    return AgendaItem.objects.create(
        session=session,
        position=1,
        kind=AgendaItem.Kind.DOSSIER,
        title=f"Dossier {workshop.title}",
        workshop=workshop,
    )


def answered(
    recommendation=None,
    *,
    submission=None,
    status=Answer.Status.ACCEPTED,
    at=None,
    justification="",
) -> Answer:
    at = at or timezone.now()
    return Answer.objects.create(
        recommendation=recommendation,
        submission=submission,
        status=status,
        justification=justification or ("" if status == Answer.Status.ACCEPTED else "Parce que."),
        service="Direction des espaces verts",
        elected_official="Adjointe au cadre de vie",
        answered_at=at,
        updated_at=at,
    )


def milestone(answer, *, title="Étude", target_date=None, done=False, progress=0) -> Milestone:
    today = timezone.localdate()
    return Milestone.objects.create(
        answer=answer,
        title=title,
        target_date=target_date or today + datetime.timedelta(days=30),
        status=Milestone.Status.DONE if done else Milestone.Status.PLANNED,
        progress=100 if done else progress,
        completed_on=today if done else None,
        updated_at=timezone.now(),
    )


def submission(council=None, **kwargs) -> CouncilSubmission:
    return CouncilSubmission.objects.create(
        council=council or CouncilFactory(),
        kind=CouncilSubmission.Kind.PROPOSAL,
        title=kwargs.pop("title", "Des bancs au square"),
        text=kwargs.pop("text", "Installer des bancs."),
        submitted_by=UserFactory(),
        **kwargs,
    )
