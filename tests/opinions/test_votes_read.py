"""The computation reads a conversation's votes: on PostgreSQL by one binary COPY, which must
give exactly what the ORM gives, negative votes and large ids included."""

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
    if connection.vendor == "postgresql":  # the COPY path: the same as the ORM's
        assert sorted(
            zip(*(a.tolist() for a in mapping._votes_copied(conversation.pk)), strict=True)
        ) == (sorted(cast))
