"""What the API lists: the rows the public pages show, each list with what its rows need
prefetched, so that a page of 10 or of 100 rows costs the same number of queries. Never a
draft workshop or what belongs to one, never a draft evaluation; people appear only by their
public name, and only as council members."""

import datetime

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from ateliers.councils.models import Council, Mandate, current_mandate_q
from ateliers.documents.models import Document, DocumentVersion
from ateliers.evaluations.models import Evaluation
from ateliers.meetings.models import AgendaItem, Meeting
from ateliers.opinions.models import Conversation, MapSnapshot, Statement, StatementStatus
from ateliers.recommendations.models import Recommendation
from ateliers.recommendations.models import Status as RecommendationStatus
from ateliers.townhall import selectors_followup as followup
from ateliers.trainings.models import Training, TrainingSession
from ateliers.workshops.models import Workshop

# What the public can read: published and archived workshops (drafts are their team's).
VISIBLE = followup.VISIBLE


def _of_visible_workshop(prefix: str = "workshop__") -> Q:
    """A row of a public workshop, or of a council (its workshop is then empty)."""
    return Q(**{f"{prefix}isnull": True}) | Q(**{f"{prefix}status__in": VISIBLE})


def workshops() -> QuerySet[Workshop]:
    return (
        Workshop.objects.filter(status__in=VISIBLE)
        .select_related("neighbourhood", "proposed_by")
        .prefetch_related("themes", "phases")
    )


def councils(*, today: datetime.date) -> QuerySet[Council]:
    current = (
        Mandate.objects.filter(current_mandate_q(today))
        .select_related("user")
        .order_by("role", "starts_on", "pk")
    )
    return Council.objects.select_related("neighbourhood").prefetch_related(
        "themes", Prefetch("mandates", queryset=current, to_attr="current_mandates")
    )


def meetings() -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(_of_visible_workshop())
        .select_related("workshop", "council")
        .prefetch_related(Prefetch("agenda", queryset=AgendaItem.objects.order_by("position")))
    )


def trainings() -> QuerySet[Training]:
    return Training.objects.prefetch_related(
        "themes", Prefetch("sessions", queryset=TrainingSession.objects.order_by("starts_at", "pk"))
    )


def documents() -> QuerySet[Document]:
    return (
        Document.objects.filter(_of_visible_workshop())
        .select_related("workshop", "council")
        .prefetch_related(
            Prefetch("versions", queryset=DocumentVersion.objects.order_by("-number"))
        )
    )


def conversations() -> QuerySet[Conversation]:
    latest = MapSnapshot.objects.filter(conversation=OuterRef("pk")).order_by("-computed_at", "-pk")
    return (
        Conversation.objects.filter(workshop__status__in=VISIBLE)
        .select_related("workshop")
        .annotate(latest_snapshot=Subquery(latest.values("pk")[:1]))
    )


def snapshots(ids: list[int]) -> dict[int, MapSnapshot]:
    """The snapshots of these ids (the conversations' latest), by conversation: one query."""
    found = MapSnapshot.objects.filter(pk__in=ids).defer("state")
    return {snapshot.conversation_id: snapshot for snapshot in found}


def conversation(pk: int) -> Conversation | None:
    return conversations().filter(pk=pk).first()


def statements(conversation: Conversation) -> QuerySet[Statement]:
    """The statements the results page lists: accepted ones, without their authors."""
    return Statement.objects.filter(
        conversation=conversation, status=StatementStatus.ACCEPTED
    ).only(
        "pk",
        "conversation_id",
        "position",
        "text",
        "is_seed",
        "agree_count",
        "disagree_count",
        "pass_count",
    )


def recommendations() -> QuerySet[Recommendation]:
    """The adopted recommendations the follow-up lists, to page through: without the
    follow-up's annotations, which `followed` adds to the page's rows only."""
    return Recommendation.objects.filter(
        status=RecommendationStatus.ADOPTED, workshop__status__in=VISIBLE
    )


def followed(ids: list[int]) -> QuerySet[Recommendation]:
    """These recommendations as the follow-up reads them (townhall/selectors_followup.py)."""
    return followup.followed().filter(pk__in=ids).order_by("pk")


def evaluations() -> QuerySet[Evaluation]:
    return (
        Evaluation.objects.filter(published_at__isnull=False, workshop__status__in=VISIBLE)
        .select_related("workshop")
        .prefetch_related("indicators")
    )


def statement_positions(pks: set[int]) -> dict[int, int]:
    """The numbers of these statements, by primary key, if still accepted: one query."""
    return dict(
        Statement.objects.filter(pk__in=pks, status=StatementStatus.ACCEPTED).values_list(
            "pk", "position"
        )
    )
