"""Reads for the opinion map's pages, each in a fixed number of queries whatever the number
of statements and votes, and the results page's state made ready for its template."""

import random
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Exists, F, OuterRef, QuerySet

from ateliers.core.models import User
from ateliers.workshops.models import Workshop

from .models import Conversation, MapSnapshot, Statement, StatementStatus, Vote, Voter

# A group's colour class on the map (ateliers.css: .opinion-group-0 … -4).
N_COLOURS = 5


def conversation_for_page(*, pk: int) -> Conversation:
    """The conversation with what the rules ask about its workshop (phases, facilitators).
    Raises Conversation.DoesNotExist."""
    return (
        Conversation.objects.select_related("workshop")
        .prefetch_related("workshop__phases", "workshop__facilitators")
        .get(pk=pk)
    )


def conversations_of(workshop: Workshop) -> QuerySet[Conversation]:
    return Conversation.objects.filter(workshop=workshop).order_by("-opened_at", "-pk")


def voter_of(conversation: Conversation, user) -> Voter | None:
    if not user.is_authenticated:
        return None
    return Voter.objects.filter(conversation=conversation, user=user).first()


def open_statements(conversation: Conversation) -> QuerySet[Statement]:
    return Statement.objects.filter(conversation=conversation, status=StatementStatus.ACCEPTED)


# The next statement is drawn among this many of the highest priority.
CANDIDATES = 5


def next_statement(
    conversation: Conversation, voter: Voter | None, *, rng: random.Random | None = None
) -> Statement | None:
    """The statement to show next: one the person has not voted on, drawn as Polis does,
    with chances in proportion to its priority from the last computation (new statements
    and those with few votes rank high), among the few highest (the fewest votes first on
    equal priority). Drawn rather than always the highest: between two computations the
    priorities stand still, and everyone would otherwise be shown the same statement. One
    query, an anti-join on the vote constraint's index."""
    statements = open_statements(conversation)
    if voter is not None:
        voted = Vote.objects.filter(voter=voter, statement=OuterRef("pk"))
        statements = statements.filter(~Exists(voted))
    candidates = list(
        statements.annotate(
            n_votes_cast=F("agree_count") + F("disagree_count") + F("pass_count")
        ).order_by("-priority", "n_votes_cast", "position")[:CANDIDATES]
    )
    if not candidates:
        return None
    weights = [max(statement.priority, 0.0) for statement in candidates]
    if sum(weights) <= 0:
        return candidates[0]
    return (rng or random).choices(candidates, weights=weights)[0]


@dataclass(frozen=True)
class Progress:
    voted: int
    total: int

    @property
    def left(self) -> int:
        return max(self.total - self.voted, 0)


def progress(conversation: Conversation, voter: Voter | None) -> Progress:
    total = open_statements(conversation).count()
    if voter is None:
        return Progress(0, total)
    voted = Vote.objects.filter(voter=voter, statement__status=StatementStatus.ACCEPTED).count()
    return Progress(voted, total)


def votes_of(voter: Voter | None) -> QuerySet[Vote]:
    """The person's own votes (for them alone), the statement with each."""
    if voter is None:
        return Vote.objects.none()
    return (
        Vote.objects.filter(voter=voter, statement__status=StatementStatus.ACCEPTED)
        .select_related("statement")
        .order_by("statement__position")
    )


def own_statements(conversation: Conversation, user: User) -> QuerySet[Statement]:
    """What the person wrote, with its review (a rejected statement says why)."""
    if not user.is_authenticated:
        return Statement.objects.none()
    return Statement.objects.filter(
        conversation=conversation, author__user=user, is_seed=False
    ).order_by("-position")


def review_queue(conversation: Conversation) -> QuerySet[Statement]:
    """Statements the team has not reviewed yet: waiting (reviewed before they appear) or
    already shown (reviewed after), oldest first."""
    return (
        Statement.objects.filter(
            conversation=conversation, is_seed=False, moderated_at__isnull=True
        )
        .exclude(status=StatementStatus.REJECTED)
        .order_by("position")
    )


def reviewed(conversation: Conversation) -> QuerySet[Statement]:
    return Statement.objects.filter(conversation=conversation, moderated_at__isnull=False).order_by(
        "-moderated_at", "-pk"
    )


# The results page --------------------------------------------------------------------


@dataclass
class Listed:
    """A statement as the results list it: its text, and its votes by group and overall."""

    statement: Statement
    direction: str = ""
    by_group: list = field(default_factory=list)  # [(group label, counts)]
    overall: dict = field(default_factory=dict)

    @property
    def lead(self) -> dict:
        """The group's own counts, for a representative statement (set by the group)."""
        return self.by_group[0][1] if self.by_group else {}


@dataclass
class GroupView:
    label: str
    size: int
    colour: int
    points: str
    label_x: float
    label_y: float
    representative: list  # of (Listed, the group's counts)


@dataclass
class Results:
    snapshot: MapSnapshot | None
    groups: list
    shared: list
    divisive: list
    computing: bool  # a computation runs now
    pending: bool  # votes wait for the next computation
    width: int = 640
    height: int = 400

    @property
    def group_labels(self) -> list[str]:
        return [group.label for group in self.groups]


STATEMENTS_PER_PAGE = 50


def _accepted(conversation: Conversation):
    return Statement.objects.filter(
        conversation=conversation, status=StatementStatus.ACCEPTED
    ).only("pk", "conversation_id", "position", "text")


def statements_page(conversation: Conversation, *, page: str | int | None) -> Page:
    """A page of the accepted statements, by number: each links to its own page, the
    address by which a recommendation says it builds on it (recommendations/grounds.py)."""
    return Paginator(_accepted(conversation).order_by("position"), STATEMENTS_PER_PAGE).get_page(
        page
    )


def accepted_statement(conversation: Conversation, *, position: int) -> Statement:
    return _accepted(conversation).get(position=position)


def results(conversation: Conversation) -> Results:
    """The last snapshot, ready to show: two queries (the snapshot, the statements it
    lists), whatever the number of votes."""
    snapshot = MapSnapshot.objects.filter(conversation=conversation).defer("state").first()
    computing = conversation.computing_since is not None
    pending = conversation.recompute_requested_at is not None
    if snapshot is None:
        return Results(None, [], [], [], computing, pending)
    data = snapshot.result
    votes = data.get("votes", {})
    overall = data.get("overall", {})
    wanted = {int(pk) for pk in votes} | {int(pk) for pk in overall}
    texts = {
        statement.pk: statement
        for statement in Statement.objects.filter(
            pk__in=sorted(wanted), conversation=conversation, status=StatementStatus.ACCEPTED
        )
    }
    labels = [group["label"] for group in data.get("groups", [])]

    def listed(pk: int, direction: str = "") -> Listed | None:
        statement = texts.get(pk)
        if statement is None:  # rejected since the computation
            return None
        counts = votes.get(str(pk), [])
        return Listed(
            statement,
            direction,
            list(zip(labels, counts, strict=False)),
            overall.get(str(pk), {}),
        )

    groups = []
    for index, group in enumerate(data.get("groups", [])):
        representative = []
        for rep in group.get("representative", []):
            item = listed(rep["statement"], rep["direction"])
            if item is not None:
                own = dict(item.by_group).get(group["label"], {})
                representative.append((item, own))
        groups.append(
            GroupView(
                label=group["label"],
                size=group["size"],
                colour=index % N_COLOURS,
                points=group.get("points", ""),
                label_x=group.get("label_x", 0),
                label_y=group.get("label_y", 0),
                representative=representative,
            )
        )
    shared = [item for pk in data.get("shared", []) if (item := listed(pk)) is not None]
    divisive = [item for pk in data.get("divisive", []) if (item := listed(pk)) is not None]
    return Results(
        snapshot,
        groups,
        shared,
        divisive,
        computing,
        pending,
        width=data.get("width", 640),
        height=data.get("height", 400),
    )
