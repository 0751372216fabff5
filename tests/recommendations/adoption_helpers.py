"""A workshop in its recommendations phase with drafted recommendations, for the adoption's
tests; amendments are made with the ORM (their services are built elsewhere)."""

import datetime

from django.utils import timezone

from ateliers.recommendations import adoption, services
from ateliers.recommendations.models import Adoption, Amendment
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

HOUR = datetime.timedelta(hours=1)


def drafted(workshop=None, *, number=1, title="Des bancs"):
    workshop = workshop or WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    made = []
    for index in range(number):
        made.append(
            services.recommendation_draft(
                workshop=workshop,
                by=ParticipationFactory(workshop=workshop).user,
                title=f"{title} {index}" if number > 1 else title,
                text="Sous les platanes.",
                general_interest="Se reposer en été.",
            )
        )
    return made


def amendment_to_vote(recommendation, *, text="Sous les tilleuls."):
    return Amendment.objects.create(
        recommendation=recommendation,
        author=ParticipationFactory(workshop=recommendation.workshop).user,
        base_version=recommendation.version,
        text=text,
        reason="Plus d'ombre.",
        status=Amendment.Status.REJECTED,
        answer="Nous préférons les platanes.",
        put_to_vote=True,
    )


def team_member(workshop):
    person = UserFactory()
    workshop.facilitators.add(person)
    return person


def opened(workshop):
    by = team_member(workshop)
    adoption.adoption_open(workshop=workshop, by=by)
    return by


def online_vote(recommendation, *, opens=-HOUR, closes=HOUR, amendment=None):
    """An online vote whose window is set directly (the service refuses past windows)."""
    now = timezone.now()
    return Adoption.objects.create(
        recommendation=recommendation,
        amendment=amendment,
        method=Adoption.Method.ONLINE_VOTE,
        vote_opens_at=now + opens,
        vote_closes_at=now + closes,
    )
