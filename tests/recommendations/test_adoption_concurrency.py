"""Online ballots cast at the same instant (threads, each with its own connection): the tallies
and the ballots agree, and a person votes once however many times they press the button."""

import pytest
from django.db import connection

from ateliers.recommendations import adoption
from ateliers.recommendations.models import Adoption, Ballot
from tests.concurrency import run_at_once
from tests.factories import ParticipationFactory

from .adoption_helpers import drafted, online_vote, opened

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="fifty writers at once: PostgreSQL only"
    ),
]


def a_vote():
    (recommendation,) = drafted()
    opened(recommendation.workshop)
    return recommendation.workshop, online_vote(recommendation)


def test_fifty_participants_voting_at_once_are_all_counted_once():
    workshop, vote = a_vote()
    voters = [ParticipationFactory(workshop=workshop).user for _ in range(50)]
    choices = ["for", "against", "abstain"]

    outcomes = run_at_once(
        [
            lambda person=person, index=index: adoption.ballot_cast(
                adoption=Adoption.objects.get(pk=vote.pk), by=person, choice=choices[index % 3]
            )
            for index, person in enumerate(voters)
        ],
        refusals=(),
        success="voted",
    )

    assert outcomes == ["voted"] * 50
    vote.refresh_from_db()
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (17, 17, 16)
    assert vote.votes_for + vote.votes_against + vote.abstentions == Ballot.objects.count() == 50


def test_the_same_participant_voting_twenty_times_at_once_votes_once():
    workshop, vote = a_vote()
    person = ParticipationFactory(workshop=workshop).user

    outcomes = run_at_once(
        [
            lambda: adoption.ballot_cast(
                adoption=Adoption.objects.get(pk=vote.pk), by=person, choice="for"
            )
        ]
        * 20,
        refusals=(adoption.AlreadyVoted,),
        success="voted",
    )

    assert sorted(outcomes) == ["AlreadyVoted"] * 19 + ["voted"]
    vote.refresh_from_db()
    assert (vote.votes_for, Ballot.objects.count()) == (1, 1)
