"""The opinion map's writes: opening a conversation, statements and their review, votes and
changed votes, and the background computation with its interval."""

import datetime
import random
from collections import Counter

import pytest
import time_machine
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ateliers.activity.models import Action
from ateliers.core.errors import InvalidInput
from ateliers.opinions import selectors, services
from ateliers.opinions.models import Conversation, MapSnapshot, Statement, Vote, Voter
from tests.factories import ConversationFactory, StatementFactory, UserFactory

# The refusals read as their English source strings (French: tests/test_i18n.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

SEEDS = ["Fermer la rue aux voitures à 8 h 20.", "Mettre des bancs devant l'école.", "Planter."]


def open_one(debate, review="before", seeds=SEEDS):
    workshop, facilitator, _ = debate
    return services.conversation_open(
        workshop=workshop,
        by=facilitator,
        question="Quelle rue scolaire ?",
        review=review,
        seeds=seeds,
    )


def test_opening_a_conversation_accepts_its_seeds_and_says_so_publicly(debate):
    conversation = open_one(debate)
    statements = list(conversation.statements.order_by("position"))
    assert [s.text for s in statements] == SEEDS
    assert [s.position for s in statements] == [1, 2, 3]
    assert all(s.status == Statement.Status.ACCEPTED and s.is_seed for s in statements)
    action = Action.objects.get(verb="conversation.opened")
    assert action.public and action.data["question"] == "Quelle rue scolaire ?"


@pytest.mark.parametrize(
    ("seeds", "problem"),
    [
        (["x" * 141], "140 characters"),
        (["Deux fois.", "deux fois."], "twice"),
        (["\u200b\u200b"], ""),
    ],
)
def test_bad_seeds_are_refused_and_nothing_is_written(debate, seeds, problem):
    with pytest.raises(InvalidInput) as refused:
        open_one(debate, seeds=seeds)
    assert "seeds" in refused.value.errors
    assert problem in str(refused.value)
    assert not Conversation.objects.exists() and not Statement.objects.exists()


def test_a_statement_waits_for_review_or_shows_at_once(debate):
    _, _, participant = debate
    before = open_one(debate, review="before")
    after = open_one(debate, review="after")
    waiting = services.statement_submit(conversation=before, by=participant, text="  Des arbres. ")
    shown = services.statement_submit(conversation=after, by=participant, text="Des arbres.")
    assert (waiting.text, waiting.status, waiting.position) == ("Des arbres.", "pending", 4)
    assert shown.status == Statement.Status.ACCEPTED
    assert (
        waiting.author.user == participant
        and not Action.objects.filter(verb__startswith="statement").exists()
    )


def test_a_statement_too_long_or_already_there_is_refused(debate):
    _, _, participant = debate
    conversation = open_one(debate)
    with pytest.raises(InvalidInput, match="140"):
        services.statement_submit(conversation=conversation, by=participant, text="é" * 141)
    with pytest.raises(services.DuplicateStatement):
        services.statement_submit(conversation=conversation, by=participant, text=SEEDS[1].upper())
    assert conversation.statements.count() == 3


def test_a_vote_then_a_changed_vote_keeps_one_row_and_right_counts(debate, every_vote_counts):
    _, _, participant = debate
    conversation = open_one(debate)
    statement = conversation.statements.first()
    for value in (1, 1, -1, 0, -1):
        services.vote_cast(
            conversation=conversation, statement_id=statement.pk, user=participant, value=value
        )
    vote = Vote.objects.get()
    statement.refresh_from_db()
    assert vote.value == -1
    assert (statement.agree_count, statement.disagree_count, statement.pass_count) == (0, 1, 0)
    assert Voter.objects.filter(user=participant).count() == 1


def test_a_statement_not_accepted_takes_no_vote(debate):
    _, _, participant = debate
    conversation = open_one(debate)
    pending = services.statement_submit(conversation=conversation, by=participant, text="Hop.")
    with pytest.raises(services.StatementNotOpen):
        services.vote_cast(
            conversation=conversation, statement_id=pending.pk, user=participant, value=1
        )
    other = StatementFactory()
    with pytest.raises(services.StatementNotOpen):
        services.vote_cast(
            conversation=conversation, statement_id=other.pk, user=participant, value=1
        )
    assert not Vote.objects.exists()


def test_rejecting_needs_a_reason_and_takes_the_statement_out_of_the_votes(debate):
    _, facilitator, participant = debate
    conversation = open_one(debate, review="after")
    statement = services.statement_submit(conversation=conversation, by=participant, text="Hop.")
    with pytest.raises(InvalidInput, match="Say why"):
        services.statement_moderate(statement=statement, by=facilitator, decision="reject")
    services.statement_moderate(
        statement=statement, by=facilitator, decision="reject", reason="Hors sujet."
    )
    statement.refresh_from_db()
    assert statement.status == "rejected" and statement.moderation_reason == "Hors sujet."
    assert statement not in selectors.open_statements(conversation)
    action = Action.objects.get(verb="statement.rejected")
    assert not action.public and action.data["reason"] == "Hors sujet."


def test_the_next_statement_is_drawn_among_the_highest_priorities_in_proportion(debate):
    _, _, participant = debate
    conversation = ConversationFactory(workshop=debate[0])
    top = StatementFactory(conversation=conversation, priority=9.0)
    others = [StatementFactory(conversation=conversation, priority=p) for p in (3, 2, 1, 1)]
    lowest = StatementFactory(conversation=conversation, priority=0.5)
    voter = selectors.voter_of(conversation, participant)
    rng = random.Random(4)

    drawn = Counter(selectors.next_statement(conversation, voter, rng=rng) for _ in range(400))

    assert lowest not in drawn  # beyond the five highest
    assert drawn[top] > sum(drawn[other] for other in others)  # 9 against 7
    assert all(drawn[other] > 0 for other in others)


def test_the_next_statement_is_one_not_voted_on_until_none_is_left(debate):
    _, _, participant = debate
    conversation = ConversationFactory(workshop=debate[0])
    statements = StatementFactory.create_batch(7, conversation=conversation, priority=1.0)
    shown = []
    for _ in range(7):
        statement = selectors.next_statement(
            conversation, selectors.voter_of(conversation, participant)
        )
        shown.append(statement)
        services.vote_cast(
            conversation=conversation, statement_id=statement.pk, user=participant, value=0
        )
    assert sorted(s.pk for s in shown) == sorted(s.pk for s in statements)
    assert (
        selectors.next_statement(conversation, selectors.voter_of(conversation, participant))
        is None
    )


def test_with_equal_priorities_of_zero_the_fewest_votes_come_first(debate):
    _, _, participant = debate
    conversation = ConversationFactory(workshop=debate[0])
    StatementFactory(conversation=conversation, priority=0.0, agree_count=4)
    fewer = StatementFactory(conversation=conversation, priority=0.0, agree_count=1)

    assert selectors.next_statement(conversation, None) == fewer


def test_the_next_statement_is_one_query(debate, django_assert_num_queries):
    conversation = ConversationFactory(workshop=debate[0])
    StatementFactory.create_batch(5, conversation=conversation)
    with django_assert_num_queries(1):
        selectors.next_statement(conversation, None)


def votes_from(conversation, people, statements, value=1):
    """Each vote in its own request: its transaction commits, then asks for the map."""
    for person in people:
        for statement in statements:
            with TestCase.captureOnCommitCallbacks(execute=True):
                services.vote_cast(
                    conversation=conversation, statement_id=statement.pk, user=person, value=value
                )


def test_votes_compute_the_map_at_most_once_per_interval(debate, settings):
    settings.OPINION_MAP_RECOMPUTE_SECONDS = 60
    conversation = open_one(debate)
    statements = list(conversation.statements.all())
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        votes_from(conversation, UserFactory.create_batch(2), statements)
    # The first vote computed at once (nothing computed before); the others waited.
    assert MapSnapshot.objects.count() == 1
    assert Conversation.objects.get(pk=conversation.pk).recompute_requested_at is not None
    with time_machine.travel(start + datetime.timedelta(seconds=30), tick=False):
        votes_from(conversation, UserFactory.create_batch(1), statements)
    assert MapSnapshot.objects.count() == 1
    with time_machine.travel(start + datetime.timedelta(seconds=61), tick=False):
        votes_from(conversation, UserFactory.create_batch(1), statements[:1])
    snapshots = list(MapSnapshot.objects.order_by("computed_at"))
    assert len(snapshots) == 2
    assert snapshots[-1].n_participants == 4
    assert Conversation.objects.get(pk=conversation.pk).recompute_requested_at is None


def test_a_burst_of_votes_enqueues_one_computation_after_the_interval(debate, settings):
    """With a queue that can wait (the database's), the first vote of a burst enqueues one
    computation at the end of the interval; the others enqueue nothing."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.OPINION_MAP_RECOMPUTE_SECONDS = 60
    from ateliers.opinions.tasks import recompute_map

    conversation = open_one(debate)
    now = timezone.now()
    Conversation.objects.filter(pk=conversation.pk).update(computed_at=now)
    backend = recompute_map.get_backend()
    backend.clear()
    for second in range(5):
        services.request_recompute(conversation.pk, now=now + datetime.timedelta(seconds=second))
    assert len(backend.results) == 1
    assert backend.results[0].task.run_after == now + datetime.timedelta(seconds=60)


def test_two_workers_never_compute_the_same_conversation_at_once(debate):
    conversation = open_one(debate)
    now = timezone.now()
    Conversation.objects.filter(pk=conversation.pk).update(
        recompute_requested_at=now, computing_since=now
    )
    assert services.map_compute(conversation_id=conversation.pk, now=now) is None
    # A computation that died long ago no longer holds the conversation.
    later = now + services.STALE_COMPUTATION + datetime.timedelta(seconds=1)
    assert services.map_compute(conversation_id=conversation.pk, now=later) is not None


def test_the_snapshot_stores_what_the_page_shows(debate, every_vote_counts):
    conversation = open_one(debate, seeds=[f"Proposition {i}." for i in range(10)])
    statements = list(conversation.statements.order_by("position"))
    people = UserFactory.create_batch(12)
    for index, person in enumerate(people):
        for number, statement in enumerate(statements):
            with TestCase.captureOnCommitCallbacks(execute=True):
                services.vote_cast(
                    conversation=conversation,
                    statement_id=statement.pk,
                    user=person,
                    # two sides, and each person passes on one statement of their own
                    value=0 if number == index % 10 else (1 if (index < 6) == (number < 5) else -1),
                )
    snapshot = MapSnapshot.objects.first()
    assert snapshot.n_groups == 2 and snapshot.n_participants == 12
    groups = snapshot.result["groups"]
    assert sorted(g["size"] for g in groups) == [6, 6]
    assert all(g["points"] and g["representative"] for g in groups)
    assert snapshot.result["divisive"]
    # The priorities of the statements come from the computation.
    assert Statement.objects.filter(priority=services.NEW_STATEMENT_PRIORITY).count() == 0
    conversation = Conversation.objects.get(pk=conversation.pk)
    with CaptureQueriesContext(connection) as queries:  # the snapshot, the statements listed
        results = selectors.results(conversation)
    assert len(queries) == 2
    assert {g.size for g in results.groups} == {6}
