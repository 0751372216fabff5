"""200 identical votes at once give one vote, and the statement's counts stay right.

PostgreSQL allows 100 connections (the test server's default, shared with other test runs):
the 200 votes come from 40 threads released together, each with its own connection, each
casting 5 of them in a row."""

import pytest

from ateliers.opinions import services
from ateliers.opinions.models import Conversation, Statement, Vote, Voter
from tests.concurrency import run_at_once
from tests.factories import ConversationFactory, ParticipationFactory, StatementFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 40


def test_two_hundred_identical_votes_at_once_give_one_row(settings):
    settings.OPINION_MAP_RECOMPUTE_SECONDS = 3600  # the computation is not what is tested
    conversation = ConversationFactory()
    statement = StatementFactory(conversation=conversation)
    person = UserFactory()
    ParticipationFactory(workshop=conversation.workshop, user=person)

    def five_votes():
        for _ in range(5):
            services.vote_cast(
                conversation=Conversation.objects.get(pk=conversation.pk),
                statement_id=statement.pk,
                user=person,
                value=1,
            )

    outcomes = run_at_once([five_votes] * THREADS, refusals=(), success="voted")

    assert outcomes == ["voted"] * THREADS
    assert Vote.objects.count() == 1
    assert Voter.objects.count() == 1
    statement = Statement.objects.get(pk=statement.pk)
    assert (statement.agree_count, statement.disagree_count, statement.pass_count) == (1, 0, 0)


def test_many_people_voting_at_once_get_distinct_numbers(settings):
    settings.OPINION_MAP_RECOMPUTE_SECONDS = 3600
    conversation = ConversationFactory()
    statement = StatementFactory(conversation=conversation)
    people = UserFactory.create_batch(20)

    run_at_once(
        [
            lambda person=person: services.vote_cast(
                conversation=Conversation.objects.get(pk=conversation.pk),
                statement_id=statement.pk,
                user=person,
                value=-1,
            )
            for person in people
        ],
        refusals=(),
        success="voted",
    )

    numbers = sorted(Voter.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 21))
    assert Statement.objects.get(pk=statement.pk).disagree_count == 20
