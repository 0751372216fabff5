"""The computation reads a conversation's votes: on PostgreSQL packed into one value by the
database, which must give exactly what the ORM gives, negative votes included; and stores
the statements' priorities."""

import numpy as np
import pytest
from django.db import connection

from ateliers.opinions import mapping, services
from tests.factories import (
    ConversationFactory,
    ParticipationFactory,
    StatementFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db


def test_the_votes_read_for_the_map_are_the_votes_cast():
    workshop = WorkshopFactory(phase="3")
    conversation = ConversationFactory(workshop=workshop)
    other = ConversationFactory(workshop=workshop)
    statements = StatementFactory.create_batch(4, conversation=conversation)
    StatementFactory(conversation=other)
    people = [ParticipationFactory(workshop=workshop).user for _ in range(3)]
    cast = set()
    for index, person in enumerate(people):
        for number, statement in enumerate(statements):
            value = [1, -1, 0][(index + number) % 3]
            vote = services.vote_cast(
                conversation=conversation, statement_id=statement.pk, user=person, value=value
            )
            cast.add((vote.voter_id, statement.pk, value))

    voters, read_statements, values = mapping._votes(conversation.pk)

    assert set(zip(voters.tolist(), read_statements.tolist(), values.tolist(), strict=True)) == cast
    assert voters.dtype == read_statements.dtype == values.dtype == np.int64
    if connection.vendor == "postgresql":  # the packed read: the same as the ORM's
        assert sorted(
            zip(*(a.tolist() for a in mapping._votes_packed(conversation.pk)), strict=True)
        ) == (sorted(cast))


def test_a_computation_stores_each_statements_priority():
    workshop = WorkshopFactory(phase="3")
    conversation = ConversationFactory(workshop=workshop)
    statements = StatementFactory.create_batch(8, conversation=conversation, priority=5.0)
    for index in range(10):
        person = ParticipationFactory(workshop=workshop).user
        for number, statement in enumerate(statements):
            services.vote_cast(
                conversation=conversation,
                statement_id=statement.pk,
                user=person,
                value=[1, -1][(index + number) % 2] if number % 3 else 1,
            )

    services.map_compute(conversation_id=conversation.pk, force=True)

    priorities = [s.priority for s in conversation.statements.order_by("pk")]
    assert all(priority != 5.0 for priority in priorities)
    assert len(set(priorities)) > 1
