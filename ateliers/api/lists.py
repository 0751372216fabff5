"""The lists the API publishes, each declared once: the JSON endpoints and the CSV exports read
the same queryset, in the same order, and build the same rows."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from ninja import Schema

from ateliers.townhall import export

from . import rows, schemas, selectors


@dataclass(frozen=True)
class Listing:
    name: str  # its path: /api/v1/<name>/ and /api/v1/<name>.csv
    schema: type[Schema]
    queryset: Callable[[], QuerySet]
    # A non-null field the list is ordered by (the primary key breaks ties).
    order: str
    # The rows of a page of objects, in a fixed number of queries.
    items: Callable[[object, list], list[dict]]


def _workshops(request, objects: list) -> list[dict]:
    now = timezone.now()
    return [rows.workshop(request, each, now=now) for each in objects]


def _each(build):
    def items(request, objects: list) -> list[dict]:
        return [build(request, each) for each in objects]

    return items


def _conversations(request, objects: list) -> list[dict]:
    """Two more queries for any number of conversations: their last maps, and the numbers
    of the statements those list."""
    snapshots = selectors.snapshots([c.latest_snapshot for c in objects if c.latest_snapshot])
    listed: set[int] = set()
    for snapshot in snapshots.values():
        listed |= rows.listed_statements(snapshot)
    positions = selectors.statement_positions(listed)
    return [rows.conversation(request, c, snapshots.get(c.pk), positions) for c in objects]


def _recommendations(request, objects: list) -> list[dict]:
    """The follow-up export's records of these recommendations (six queries, however many)."""
    chosen = selectors.followed([each.pk for each in objects])
    records = export.records(chosen, today=timezone.localdate())
    return [rows.recommendation(request, record) for record in records]


LISTINGS = {
    listing.name: listing
    for listing in [
        Listing("workshops", schemas.Workshop, selectors.workshops, "starts_at", _workshops),
        Listing(
            "councils",
            schemas.Council,
            lambda: selectors.councils(today=timezone.localdate()),
            "name",
            _each(rows.council),
        ),
        Listing("meetings", schemas.Meeting, selectors.meetings, "starts_at", _each(rows.meeting)),
        Listing("trainings", schemas.Training, selectors.trainings, "title", _each(rows.training)),
        Listing("documents", schemas.Document, selectors.documents, "id", _each(rows.document)),
        Listing(
            "conversations",
            schemas.Conversation,
            selectors.conversations,
            "opened_at",
            _conversations,
        ),
        Listing(
            "recommendations",
            schemas.Recommendation,
            selectors.recommendations,
            "id",
            _recommendations,
        ),
        Listing(
            "evaluations",
            schemas.Evaluation,
            selectors.evaluations,
            "published_at",
            _each(rows.evaluation),
        ),
    ]
}
