"""Writes of the opinion map: open a conversation, write a statement, vote (and change a
vote), review statements, and compute the map in the background.

Votes are secret: no service logs who voted, and a vote belongs to the person's anonymous
voter number in the conversation. One vote per voter and statement is the database's
`one_vote_per_statement` constraint; the statements' vote counts change in the vote's own
transaction, by conditional updates, so concurrent votes cannot break them.
"""

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import Collected, InvalidInput, StateChanged
from ateliers.core.models import User
from ateliers.core.names import clean_name
from ateliers.core.texts import clean_text
from ateliers.workshops.models import Workshop

from .models import (
    QUESTION_LENGTH,
    STATEMENT_LENGTH,
    Conversation,
    Statement,
    StatementStatus,
    Vote,
    Voter,
    VoteValue,
)

MAX_SEEDS = 100
REASON_LENGTH = 1000
# A computation that has not finished after this long is taken to have died with its worker.
STALE_COMPUTATION = datetime.timedelta(minutes=10)
_COUNT_FIELD = {1: "agree_count", 0: "pass_count", -1: "disagree_count"}


class StatementNotOpen(StateChanged):
    default_message = _("This statement is not open to votes any more.")


class DuplicateStatement(InvalidInput):
    default_message = _("This statement is already in the conversation.")


def new_statement_priority() -> float:
    """The engine's priority of a statement nobody has voted on yet (shown early)."""
    import numpy as np

    from .engine import repness

    zero = np.zeros(1)
    return float(repness.priority(zero, zero, zero, zero)[0])


NEW_STATEMENT_PRIORITY = new_statement_priority()


# Rules on what people type -------------------------------------------------------------


def clean_statement(text: str, *, field: str = "text") -> str:
    """A statement as it will be shown: one line of visible text, 140 characters at most."""
    text = clean_name(text, field=field)
    if len(text) > STATEMENT_LENGTH:
        raise InvalidInput(
            _("A statement has %(most)s characters at most (this one has %(count)s).")
            % {"most": STATEMENT_LENGTH, "count": len(text)},
            field=field,
        )
    return text


def seed_lines(text: str) -> list[str]:
    """The seed statements typed one per line, without empty lines."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def validate_conversation_fields(*, question: str, review: str, seeds: Sequence[str]) -> list:
    """Check what a facilitator typed; return the seeds cleaned."""
    errors = Collected()
    try:
        question = clean_name(question, field="question")
        if len(question) > QUESTION_LENGTH:
            errors.add("question", _("A question has 300 characters at most."))
    except InvalidInput as error:
        for message in error.messages:
            errors.add("question", message)
    if review not in Conversation.Review.values:
        errors.add("review", _("Choose when statements are reviewed."))
    cleaned = []
    if len(seeds) > MAX_SEEDS:
        errors.add("seeds", _("At most %(most)s seed statements.") % {"most": MAX_SEEDS})
    for number, seed in enumerate(seeds[:MAX_SEEDS], start=1):
        try:
            cleaned.append(clean_statement(seed, field="seeds"))
        except InvalidInput as error:
            for message in error.messages:
                errors.add(
                    "seeds", _("Line %(line)s: %(problem)s") % {"line": number, "problem": message}
                )
    if len({text.casefold() for text in cleaned}) < len(cleaned):
        errors.add("seeds", _("The same seed statement is written twice."))
    errors.raise_if_any()
    return cleaned


def validate_rejection(*, decision: str, reason: str) -> None:
    if decision not in ("accept", "reject"):
        raise InvalidInput(_("Choose to accept or to reject the statement."), field="decision")
    if decision == "reject" and not reason.strip():
        raise InvalidInput(
            _("Say why the statement is rejected: its author can read it."), field="reason"
        )


# Conversations and statements --------------------------------------------------------


def _next_position(conversation: Conversation) -> int:
    """The next statement number. The update locks the conversation's row until the
    transaction ends, so two statements never get the same number."""
    Conversation.objects.filter(pk=conversation.pk).update(last_position=F("last_position") + 1)
    return Conversation.objects.values_list("last_position", flat=True).get(pk=conversation.pk)


def voter_for(*, conversation: Conversation, user: User, now: datetime.datetime) -> Voter:
    """The person's anonymous voter in the conversation, made on their first vote or
    statement. A unique constraint holds one per person; the loser of a race reads the
    winner's."""
    voter = Voter.objects.filter(conversation=conversation, user=user).first()
    if voter is not None:
        return voter
    try:
        with transaction.atomic():
            Conversation.objects.filter(pk=conversation.pk).update(
                last_voter_number=F("last_voter_number") + 1
            )
            number = Conversation.objects.values_list("last_voter_number", flat=True).get(
                pk=conversation.pk
            )
            return Voter.objects.create(
                conversation=conversation, user=user, number=number, created_at=now
            )
    except IntegrityError:
        return Voter.objects.get(conversation=conversation, user=user)


def _add_statement(
    conversation: Conversation,
    *,
    text: str,
    author: Voter | None,
    status: str,
    is_seed: bool,
    now: datetime.datetime,
) -> Statement:
    return Statement.objects.create(
        conversation=conversation,
        position=_next_position(conversation),
        text=text,
        author=author,
        is_seed=is_seed,
        status=status,
        created_at=now,
        priority=NEW_STATEMENT_PRIORITY,
    )


def _public(workshop: Workshop) -> bool:
    return workshop.status != Workshop.Status.DRAFT


@transaction.atomic
def conversation_open(
    *,
    workshop: Workshop,
    by: User,
    question: str,
    review: str,
    seeds: Sequence[str] = (),
    description: str = "",
    now: datetime.datetime | None = None,
) -> Conversation:
    """A new conversation of the workshop's opinion map, with its seed statements (accepted
    at once: the team wrote them)."""
    now = now or timezone.now()
    cleaned = validate_conversation_fields(question=question, review=review, seeds=seeds)
    conversation = Conversation.objects.create(
        workshop=workshop,
        question=clean_name(question, field="question"),
        description=clean_text(description, field="description"),
        review=review,
        opened_by=by,
        opened_at=now,
    )
    author = voter_for(conversation=conversation, user=by, now=now) if cleaned else None
    for text in cleaned:
        _add_statement(
            conversation,
            text=text,
            author=author,
            status=StatementStatus.ACCEPTED,
            is_seed=True,
            now=now,
        )
    record(
        actor=by,
        verb="conversation.opened",
        target=workshop,
        data={"question": conversation.question, "conversation": conversation.pk},
        public=_public(workshop),
    )
    return conversation


@transaction.atomic
def statement_submit(
    *, conversation: Conversation, by: User, text: str, now: datetime.datetime | None = None
) -> Statement:
    """A participant's statement: waiting for review, or shown at once and reviewed after,
    as the conversation says. Not logged: statements are shown without their author."""
    now = now or timezone.now()
    text = clean_statement(text)
    # Compared here rather than by the database: SQLite folds the case of ASCII letters only.
    folded = text.casefold()
    texts = (
        Statement.objects.filter(conversation=conversation)
        .exclude(status=StatementStatus.REJECTED)
        .values_list("text", flat=True)
    )
    if any(other.casefold() == folded for other in texts.iterator()):
        raise DuplicateStatement(field="text")
    status = (
        StatementStatus.PENDING
        if conversation.review == Conversation.Review.BEFORE
        else StatementStatus.ACCEPTED
    )
    return _add_statement(
        conversation,
        text=text,
        author=voter_for(conversation=conversation, user=by, now=now),
        status=status,
        is_seed=False,
        now=now,
    )


@transaction.atomic
def statement_moderate(
    *,
    statement: Statement,
    by: User,
    decision: str,
    reason: str = "",
    now: datetime.datetime | None = None,
) -> Statement:
    """Accept or reject a statement (a statement shown before its review is accepted and
    not reviewed yet). A rejected statement leaves the votes and the map."""
    now = now or timezone.now()
    reason = clean_text(reason, field="reason")[:REASON_LENGTH] if reason.strip() else ""
    validate_rejection(decision=decision, reason=reason)
    status = StatementStatus.ACCEPTED if decision == "accept" else StatementStatus.REJECTED
    Statement.objects.filter(pk=statement.pk).update(
        status=status,
        moderated_by=by,
        moderated_at=now,
        moderation_reason=reason if status == StatementStatus.REJECTED else "",
    )
    statement.refresh_from_db()
    conversation = statement.conversation
    record(
        actor=by,
        verb=f"statement.{'accepted' if decision == 'accept' else 'rejected'}",
        target=conversation.workshop,
        data={
            "question": conversation.question,
            "statement": statement.text[:STATEMENT_LENGTH],
            "reason": reason,
        },
    )
    if statement.vote_count:
        transaction.on_commit(lambda: request_recompute(conversation.pk))
    return statement


# Votes -------------------------------------------------------------------------------


def _count(statement_id: int, value: int, delta: int) -> None:
    field = _COUNT_FIELD[value]
    Statement.objects.filter(pk=statement_id).update(**{field: F(field) + delta})


@transaction.atomic
def vote_cast(
    *,
    conversation: Conversation,
    statement_id: int,
    user: User,
    value: int,
    now: datetime.datetime | None = None,
) -> Vote:
    """Agree (+1), disagree (-1) or pass (0) on a statement; voting again changes the vote
    (the last one counts). Concurrent identical votes give one row: the unique constraint
    refuses the second insert, which then changes the first vote instead."""
    now = now or timezone.now()
    if value not in VoteValue.values:
        raise InvalidInput(_("Choose agree, disagree or pass."), field="value")
    open_statement = Statement.objects.filter(
        pk=statement_id, conversation=conversation, status=StatementStatus.ACCEPTED
    ).exists()
    if not open_statement:
        raise StatementNotOpen()
    voter = voter_for(conversation=conversation, user=user, now=now)
    vote = Vote.objects.select_for_update().filter(voter=voter, statement_id=statement_id).first()
    if vote is None:
        try:
            with transaction.atomic():
                vote = Vote.objects.create(
                    conversation=conversation,
                    voter=voter,
                    statement_id=statement_id,
                    value=value,
                    changed_at=now,
                )
        except IntegrityError:
            vote = Vote.objects.select_for_update().get(voter=voter, statement_id=statement_id)
        else:
            _count(statement_id, value, +1)
            transaction.on_commit(lambda: request_recompute(conversation.pk))
            return vote
    vote.voter = voter  # known: no query for whoever reads it
    if vote.value != value:
        previous = vote.value
        Vote.objects.filter(pk=vote.pk).update(value=value, changed_at=now)
        _count(statement_id, previous, -1)
        _count(statement_id, value, +1)
        vote.value, vote.changed_at = value, now
        transaction.on_commit(lambda: request_recompute(conversation.pk))
    return vote


# The map, computed in the background --------------------------------------------------


def recompute_interval() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.OPINION_MAP_RECOMPUTE_SECONDS)


def request_recompute(conversation_id: int, *, now: datetime.datetime | None = None) -> bool:
    """Ask for the map to be computed again (after a vote has committed). A burst of votes
    makes one request: only the vote that finds none pending enqueues the task, deferred to
    the end of the interval since the last computation. Returns whether it enqueued."""
    from . import tasks

    now = now or timezone.now()
    interval = recompute_interval()
    pending = Q(recompute_requested_at__isnull=True) | Q(recompute_requested_at__lte=now - interval)
    if (
        not Conversation.objects.filter(pk=conversation_id)
        .filter(pending)
        .update(recompute_requested_at=now)
    ):
        return False
    computed_at = (
        Conversation.objects.filter(pk=conversation_id)
        .values_list("computed_at", flat=True)
        .first()
    )
    due = computed_at + interval if computed_at is not None else now
    tasks.enqueue_recompute(conversation_id, run_after=due)
    return True


def map_compute(*, conversation_id: int, now: datetime.datetime | None = None, force: bool = False):
    """Compute the map and store it as a snapshot; None when it is not this worker's turn.

    Unlike other services this is not one transaction: the claim (a conditional UPDATE that
    only one worker wins: a computation was asked for, none is running, the last one is
    older than the interval) must be seen by the others at once. `force` (the import, the
    demo) skips the request and the interval, never the one-at-a-time claim.
    """
    from . import mapping, tasks

    now = now or timezone.now()
    claim = Conversation.objects.filter(pk=conversation_id).filter(
        Q(computing_since__isnull=True) | Q(computing_since__lt=now - STALE_COMPUTATION)
    )
    if not force:
        claim = claim.filter(recompute_requested_at__isnull=False).filter(
            Q(computed_at__isnull=True) | Q(computed_at__lte=now - recompute_interval())
        )
    if not claim.update(computing_since=now, recompute_requested_at=None):
        return None
    try:
        snapshot = mapping.compute_snapshot(conversation_id, now=now)
    except BaseException:
        Conversation.objects.filter(pk=conversation_id, computing_since=now).update(
            computing_since=None
        )
        raise
    # Dated when it started: it counts the votes cast until then.
    ended = now
    Conversation.objects.filter(pk=conversation_id, computing_since=now).update(
        computing_since=None, computed_at=ended
    )
    # Votes cast while it ran asked for another computation: it comes after the interval.
    asked = (
        Conversation.objects.filter(pk=conversation_id)
        .values_list("recompute_requested_at", flat=True)
        .first()
    )
    if asked is not None:
        tasks.enqueue_recompute(conversation_id, run_after=ended + recompute_interval())
    return snapshot
