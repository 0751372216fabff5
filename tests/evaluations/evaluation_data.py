"""What the facilitators' evaluation tests build: workshops that ended a given number of days
ago, evaluations written or published through the services, and a small workshop with one
of everything the platform measures, whose values are counted by hand in `EXPECTED`."""

import datetime
import itertools

from django.utils import timezone

from ateliers.core.models import Role
from ateliers.core.waitlist import RegistrationStatus
from ateliers.debate.models import Contribution
from ateliers.evaluations import services
from ateliers.evaluations.models import Evaluation, Indicator, Measure
from ateliers.opinions.models import Voter
from ateliers.townhall.models import Answer
from ateliers.trainings.models import SessionRegistration
from ateliers.workshops.models import Workshop
from tests.factories import (
    DAY,
    ContributionFactory,
    ConversationFactory,
    MeetingFactory,
    NeighbourhoodFactory,
    ParticipationFactory,
    TopicFactory,
    TrainingFactory,
    TrainingSessionFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.townhall.followup_factories import adopted, answered, heard, milestone

_numbers = itertools.count(1)


def ended_workshop(days: float = 1, **kwargs) -> Workshop:
    """A published workshop whose last phase ended `days` days ago (five 10-day phases)."""
    ends_at = timezone.now() - datetime.timedelta(days=days)
    return WorkshopFactory(starts_at=ends_at - 50 * DAY, ends_at=ends_at, **kwargs)


def facilitator_of(workshop: Workshop):
    person = UserFactory(role=Role.FACILITATOR, display_name="Fatou Animatrice")
    workshop.facilitators.add(person)
    return person


def written(
    workshop: Workshop,
    *,
    by=None,
    outcome: str = "partly_met",
    explanation: str = "Huit bancs sur dix sont posés.",
    indicators: int = 0,
    measures: tuple[str, ...] = (),
) -> Evaluation:
    """A draft written through the services, with typed indicators and measured ones."""
    by = by or facilitator_of(workshop)
    evaluation = services.evaluation_save(
        actor=by, workshop=workshop, outcome=outcome, explanation=explanation
    )
    for number in range(indicators):
        services.indicator_add(
            actor=by,
            workshop=workshop,
            name=f"Bancs posés {number + 1}",
            target="10",
            value=str(number),
        )
    for measure in measures:
        services.indicator_add(actor=by, workshop=workshop, measure=measure, target="5")
    return evaluation


def published(workshop: Workshop, **kwargs) -> Evaluation:
    by = kwargs.pop("by", None) or facilitator_of(workshop)
    written(workshop, by=by, **kwargs)
    return services.evaluation_publish(actor=by, workshop=workshop)


def indicator(evaluation: Evaluation, **kwargs) -> Indicator:
    return Indicator.objects.create(
        evaluation=evaluation,
        name=kwargs.pop("name", f"Indicateur {next(_numbers)}"),
        value=kwargs.pop("value", "3"),
        **kwargs,
    )


# A small workshop, counted by hand ---------------------------------------------------------

EXPECTED = {
    # p1…p6
    Measure.PARTICIPANTS: "6",
    # p1…p4 (p5 for an association, p6 an expert)
    Measure.RESIDENTS: "4",
    # p1, p2 and p5 live in the workshop's neighbourhood: 3 of 6
    Measure.NEIGHBOURHOOD_SHARE: "50\u00a0%",
    # p1 and p2 attended a session of the recommended training (p3 did not come, an outsider
    # and a cancelled registration do not count, nor p1 at a training not recommended)
    Measure.TRAINING_ATTENDANCE: "2",
    # 12 + 7 at the two closed meetings; the cancelled one does not count
    Measure.MEETING_ATTENDANCE: "19",
    # three contributions and a reply; one hidden, one awaiting a decision, one deleted
    Measure.CONTRIBUTIONS: "4",
    # p1 (in both conversations), p2, p3 and one voter imported from Polis
    Measure.OPINION_MAP_PARTICIPANTS: "4",
    # three adopted (a fourth not adopted)
    Measure.ADOPTED: "3",
    # two answered in time, one accepted (the other partly), implemented (its milestone done)
    Measure.ANSWERED_ON_TIME: "2",
    Measure.ACCEPTED: "1",
    Measure.IMPLEMENTED: "1",
}


def small_workshop(**kwargs) -> Workshop:
    """A workshop that ended yesterday, with what `EXPECTED` counts."""
    here = NeighbourhoodFactory(name="Les Halles", slug="les-halles")
    elsewhere = NeighbourhoodFactory(name="La Gare", slug="la-gare")
    workshop = ended_workshop(1, neighbourhood=here, **kwargs)
    people = [
        ParticipationFactory(
            workshop=workshop,
            capacity=capacity,
            association_name="Les Amis des Halles" if capacity == "association" else "",
            user=UserFactory(**user),
        ).user
        for capacity, user in (
            ("resident", {"neighbourhood": here}),
            ("resident", {"neighbourhood": here}),
            ("resident", {"neighbourhood": elsewhere}),
            ("resident", {}),
            ("association", {"neighbourhood": here}),
            ("expert", {}),
        )
    ]
    p1, p2, p3 = people[:3]
    _trainings(workshop, p1, p2, p3)
    _meetings(workshop)
    _debate(workshop)
    _maps(workshop, p1, p2, p3)
    _recommendations(workshop)
    return workshop


def _registration(session, user, *, attended, status=RegistrationStatus.REGISTERED):
    return SessionRegistration.objects.create(
        session=session, user=user, status=status, attended=attended
    )


def _trainings(workshop, p1, p2, p3) -> None:
    last_week = timezone.now() - 7 * DAY
    recommended = TrainingFactory()
    recommended.recommended_for.add(workshop)
    session = TrainingSessionFactory(
        training=recommended, starts_at=last_week, ends_at=last_week + DAY / 12
    )
    _registration(session, p1, attended=True)
    _registration(session, p2, attended=True)
    _registration(session, p3, attended=False)
    _registration(session, UserFactory(), attended=True)  # not a participant
    other_session = TrainingSessionFactory(training=recommended, starts_at=last_week - DAY)
    _registration(other_session, p3, attended=True, status=RegistrationStatus.CANCELLED)
    elsewhere = TrainingSessionFactory(training=TrainingFactory(), starts_at=last_week)
    _registration(elsewhere, p1, attended=True)  # a training it did not recommend


def _meetings(workshop) -> None:
    now = timezone.now()
    for attendees in (12, 7):
        MeetingFactory(
            workshop=workshop,
            starts_at=now - 20 * DAY,
            ends_at=now - 20 * DAY + DAY / 12,
            closed_at=now - 19 * DAY,
            minutes="Compte rendu.",
            attendee_count=attendees,
        )
    MeetingFactory(workshop=workshop, cancelled_at=now - 30 * DAY, attendee_count=5)


def _debate(workshop) -> None:
    topic = TopicFactory(workshop=workshop)
    first = ContributionFactory(topic=topic)
    ContributionFactory(topic=topic, kind="question")
    ContributionFactory(topic=topic, kind="remark")
    ContributionFactory(topic=topic, kind="", parent=first)
    ContributionFactory(
        topic=topic, moderation=Contribution.Moderation.HIDDEN, moderation_reason="Injurieux."
    )
    ContributionFactory(topic=topic, moderation=Contribution.Moderation.AWAITING)
    ContributionFactory(topic=topic, text="", deleted_at=timezone.now())


def _maps(workshop, p1, p2, p3) -> None:
    now = timezone.now()
    first, second = (ConversationFactory(workshop=workshop) for _ in range(2))
    for number, (conversation, user) in enumerate(
        [(first, p1), (first, p2), (first, None), (second, p1), (second, p3)], start=1
    ):
        Voter.objects.create(conversation=conversation, user=user, number=number, created_at=now)


def _recommendations(workshop) -> None:
    today = timezone.now()
    heard(workshop, today - 40 * DAY)
    on_time = answered(adopted(workshop), status=Answer.Status.ACCEPTED, at=today - 10 * DAY)
    milestone(on_time, done=True)
    answered(adopted(workshop), status=Answer.Status.PARTIALLY_ACCEPTED, at=today - 5 * DAY)
    adopted(workshop)  # not answered yet
    rejected = adopted(workshop)
    rejected.status = rejected.Status.NOT_ADOPTED
    rejected.save(update_fields=["status"])


def grow(workshop: Workshop, participants: int) -> None:
    """More of everything the platform measures: participants, attendance, contributions,
    voters, adopted recommendations."""
    conversation = ConversationFactory(workshop=workshop)
    topic = TopicFactory(workshop=workshop)
    session = TrainingSessionFactory(training=TrainingFactory())
    session.training.recommended_for.add(workshop)
    for number in range(participants):
        person = ParticipationFactory(workshop=workshop).user
        _registration(session, person, attended=True)
        ContributionFactory(topic=topic, author=person)
        Voter.objects.create(
            conversation=conversation,
            user=person,
            number=number + 1,
            created_at=timezone.now(),
        )
    for _index in range(participants // 10):
        adopted(workshop)
