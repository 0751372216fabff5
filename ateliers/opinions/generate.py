"""The generated city's opinion maps (see core/generated_city.py): a conversation in each
workshop whose debate phase has begun, voted on by its participants with three planted
views, and in the largest workshop the largest conversation, `largest_conversation_voters`
voters (its participants, then people who voted without an account, as in an imported Polis
conversation) on `largest_conversation_statements` statements with
`largest_conversation_votes` votes. Counts as the vote service keeps them; every map
computed once, as the worker would."""

import datetime
import io

import numpy as np
from django.db import connection

from ateliers.core.generated_city import GeneratedCity
from ateliers.workshops.models import Participation, Phase, Workshop
from ateliers.workshops.phases import PhaseKind

from . import services
from .models import Conversation, Statement, Vote, Voter

VIEWS = 3
SIDE_KEPT = 0.8  # a voter takes their view's side on a statement this often
PASSES = 0.1
MINUTE = datetime.timedelta(minutes=1)


def generate(city: GeneratedCity) -> None:
    scale = city.scale
    rng = np.random.default_rng([city.seed, 7])  # a stream of its own, from the seed
    phases = Phase.objects.filter(
        kind=PhaseKind.DEBATE,
        starts_at__lt=city.now,
        workshop__status__in=[Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED],
    )
    debates = dict(phases.values_list("workshop_id", "starts_at"))
    running = set(
        phases.filter(ends_at__gt=city.now, workshop__status=Workshop.Status.PUBLISHED).values_list(
            "workshop_id", flat=True
        )
    )
    people: dict[int, list[int]] = {}
    for workshop_id, user_id in (
        Participation.objects.filter(workshop_id__in=debates)
        .order_by("workshop_id", "pk")
        .values_list("workshop_id", "user_id")
    ):
        people.setdefault(workshop_id, []).append(user_id)
    workshops = sorted(people)
    if not workshops:
        return
    # The largest conversation where people vote now, if a debate runs: the load test votes.
    largest = max(
        workshops, key=lambda workshop: (workshop in running, len(people[workshop]), -workshop)
    )
    chosen = [largest] + [w for w in workshops if w != largest][: scale.conversations - 1]
    staff = city.facts["accounts_by_role"]["city_staff"]
    conversations = [
        Conversation(
            workshop_id=workshop,
            question=f"Que pensez-vous des propositions de l'atelier ? ({index + 1})",
            review=Conversation.Review.AFTER,
            opened_by_id=staff[index % len(staff)],
            opened_at=debates[workshop],
        )
        for index, workshop in enumerate(chosen)
    ]
    conversation_ids = city.bulk(Conversation, conversations, label="opinion conversations")
    others = len(chosen) - 1
    votes_each = scale.conversation_votes // others if others else 0
    total = 0
    for index, (pk, workshop) in enumerate(zip(conversation_ids, chosen, strict=True)):
        if index == 0:
            shape = (
                scale.largest_conversation_voters,
                scale.largest_conversation_statements,
                scale.largest_conversation_votes,
            )
        else:
            statements = int(rng.integers(10, 41))
            voters = min(len(people[workshop]), int(rng.integers(5, 61)))
            shape = (voters, statements, min(votes_each, voters * statements))
        total += _conversation(city, rng, pk, debates[workshop], people[workshop], *shape)
        if index % 100 == 0:
            city.say(f"opinion votes: {total:,}")
    city.say(f"opinion votes: {total:,} done")
    for index, pk in enumerate(conversation_ids):
        services.map_compute(conversation_id=pk, force=True, now=city.now)
        if index % 200 == 0:
            city.say(f"opinion maps computed: {index + 1:,}")
    city.say(f"opinion maps computed: {len(conversation_ids):,} done")


def _conversation(city, rng, conversation_id, opened, accounts, n_voters, n_statements, n_votes):
    statements = Statement.objects.bulk_create(
        Statement(
            conversation_id=conversation_id,
            position=position,
            text=f"Proposition numéro {position} pour le quartier.",
            is_seed=position <= 10,
            status="accepted",
            created_at=opened,
        )
        for position in range(1, n_statements + 1)
    )
    statement_ids = np.array([statement.pk for statement in statements])
    users = list(accounts[:n_voters]) + [None] * max(0, n_voters - len(accounts))
    voters = Voter.objects.bulk_create(
        (
            Voter(conversation_id=conversation_id, user_id=user, number=n, created_at=opened)
            for n, user in enumerate(users, start=1)
        ),
        batch_size=5_000,
    )
    Conversation.objects.filter(pk=conversation_id).update(
        last_position=n_statements, last_voter_number=n_voters
    )
    voter_ids = np.array([voter.pk for voter in voters])
    if n_votes == 0 or n_voters == 0:
        return 0
    # How many statements each voter voted on: lognormal, scaled to the total wanted.
    weights = rng.lognormal(0.0, 0.8, n_voters)
    per_voter = np.minimum(
        np.maximum(np.round(weights / weights.sum() * n_votes).astype(np.int64), 1), n_statements
    )
    views = rng.integers(0, VIEWS, n_voters)
    sides = rng.choice([-1, 1], size=(VIEWS, n_statements))
    rows_voter, rows_statement = [], []
    for voter, count in enumerate(per_voter):
        rows_voter.append(np.full(count, voter))
        rows_statement.append(rng.choice(n_statements, size=count, replace=False))
    voter_index = np.concatenate(rows_voter)
    statement_index = np.concatenate(rows_statement)
    side = sides[views[voter_index], statement_index]
    roll = rng.random(voter_index.size)
    value = np.where(roll < SIDE_KEPT, side, np.where(roll < SIDE_KEPT + PASSES, 0, -side))
    _insert_votes(
        conversation_id,
        voter_ids[voter_index],
        statement_ids[statement_index],
        value,
        opened + MINUTE,
    )
    for field, wanted in (("agree_count", 1), ("disagree_count", -1), ("pass_count", 0)):
        counts = np.bincount(statement_index[value == wanted], minlength=n_statements)
        for statement, count in zip(statements, counts, strict=True):
            setattr(statement, field, int(count))
    Statement.objects.bulk_update(
        statements, ["agree_count", "disagree_count", "pass_count"], batch_size=2_000
    )
    return int(value.size)


def _insert_votes(conversation_id, voters, statements, values, when) -> None:
    """Millions of rows: COPY on PostgreSQL, batches of inserts elsewhere."""
    if connection.vendor == "postgresql":
        stamp = when.isoformat()
        columns = "conversation_id, voter_id, statement_id, value, changed_at"
        table = Vote._meta.db_table
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            buffer = io.StringIO()
            for index, (voter, statement, value) in enumerate(
                zip(voters.tolist(), statements.tolist(), values.tolist(), strict=True)
            ):
                buffer.write(f"{conversation_id}\t{voter}\t{statement}\t{value}\t{stamp}\n")
                if index % 100_000 == 99_999:
                    copy.write(buffer.getvalue())
                    buffer = io.StringIO()
            copy.write(buffer.getvalue())
        return
    Vote.objects.bulk_create(
        (
            Vote(
                conversation_id=conversation_id,
                voter_id=voter,
                statement_id=statement,
                value=value,
                changed_at=when,
            )
            for voter, statement, value in zip(
                voters.tolist(), statements.tolist(), values.tolist(), strict=True
            )
        ),
        batch_size=5_000,
    )
