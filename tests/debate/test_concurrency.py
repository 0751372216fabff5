"""Reports and moderators acting at the same instant: one row per person, the contribution
hidden once, the topic's counts right."""

import pytest

from ateliers.debate import services
from ateliers.debate.models import Contribution, ModerationEntry, Report, Topic
from tests.concurrency import run_at_once
from tests.factories import ContributionFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_ten_people_reporting_at_once_hide_it_once_and_count_ten(settings):
    settings.DEBATE_REPORTS_TO_HIDE = 3
    contribution = ContributionFactory(kind="against")
    people = UserFactory.create_batch(10)

    outcomes = run_at_once(
        [
            lambda person=person: services.contribution_report(
                contribution=Contribution.objects.get(pk=contribution.pk),
                reason="insult",
                details="",
                by=person,
            )
            for person in people
        ],
        refusals=(),
        success="reported",
    )

    assert outcomes == ["reported"] * 10
    contribution.refresh_from_db()
    assert contribution.report_count == Report.objects.count() == 10
    assert contribution.moderation == Contribution.Moderation.AWAITING
    assert ModerationEntry.objects.filter(decision="auto_hidden").count() == 1
    assert Topic.objects.get().against_count == 0


def test_the_same_person_reporting_twice_at_once_gives_one_report():
    contribution = ContributionFactory()
    person = UserFactory()

    outcomes = run_at_once(
        [
            lambda: services.contribution_report(
                contribution=Contribution.objects.get(pk=contribution.pk),
                reason="spam",
                details="",
                by=person,
            )
        ]
        * 8,
        refusals=(services.AlreadyReported,),
        success="reported",
    )

    assert sorted(outcomes) == ["AlreadyReported"] * 7 + ["reported"]
    assert Contribution.objects.get().report_count == Report.objects.count() == 1


def test_two_moderators_hiding_at_once_hide_it_once():
    contribution = ContributionFactory(kind="question")
    moderators = UserFactory.create_batch(2)
    for moderator in moderators:
        contribution.topic.workshop.facilitators.add(moderator)

    outcomes = run_at_once(
        [
            lambda moderator=moderator: services.contribution_hide(
                contribution=Contribution.objects.get(pk=contribution.pk),
                reason="Hors sujet.",
                by=moderator,
            )
            for moderator in moderators
        ],
        refusals=(services.StateChanged,),
        success="hidden",
    )

    assert sorted(outcomes) == ["StateChanged", "hidden"]
    assert ModerationEntry.objects.filter(decision="hidden").count() == 1
    assert Topic.objects.get().question_count == 0
