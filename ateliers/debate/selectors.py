"""Reads for the debate's pages. A topic page asks a fixed number of queries whatever the
number of its contributions: the counts are kept on the topic, the contributions come one
page at a time, and the replies shown under them in one more query."""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet

from ateliers.workshops.models import Workshop

from .models import (
    VISIBLE_STATES,
    Contribution,
    Kind,
    Moderation,
    ModerationEntry,
    ReportReason,
    Topic,
)

CONTRIBUTIONS_PER_PAGE = 20
# Replies shown under each contribution on the topic page; all of them on its own page.
REPLIES_SHOWN = 5
REPLIES_PER_PAGE = 50
COLUMN_LENGTH = 10
LOG_PER_PAGE = 30


TOPICS_PER_PAGE = 20


def _topics(workshop: Workshop):
    # Open topics first (a NULL closing date sorts first on both databases: nulls_first).
    return Topic.objects.filter(workshop=workshop).order_by(
        F("closed_at").asc(nulls_first=True), "created_at", "pk"
    )


def topics_of(workshop: Workshop, *, limit: int) -> list[Topic]:
    """The workshop's first topics, the open ones first (its page shows a few)."""
    return list(_topics(workshop)[:limit])


def topics_page(workshop: Workshop, *, page: str | int | None) -> Page:
    return Paginator(_topics(workshop), TOPICS_PER_PAGE).get_page(page)


def topic_for_page(*, pk: int) -> Topic:
    return (
        Topic.objects.select_related("workshop")
        .prefetch_related("workshop__phases", "workshop__facilitators")
        .get(pk=pk)
    )


def contribution_for_page(*, pk: int) -> Contribution:
    return (
        Contribution.objects.select_related("author", "parent__author", "topic__workshop")
        .prefetch_related("topic__workshop__phases", "topic__workshop__facilitators")
        .get(pk=pk)
    )


def _with_authors(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("author")


def contributions_page(topic: Topic, *, page: str | int | None, kind: str = "") -> Page:
    """One page of the topic's contributions, oldest first, each with its first replies."""
    firsts = Contribution.objects.filter(topic=topic, parent__isnull=True)
    if kind:
        firsts = firsts.filter(kind=kind)
    replies = _with_authors(Contribution.objects.order_by("created_at", "pk"))[:REPLIES_SHOWN]
    firsts = _with_authors(firsts.order_by("created_at", "pk")).prefetch_related(
        Prefetch("replies", queryset=replies, to_attr="first_replies")
    )
    # Hidden and deleted contributions keep their place, shown as such.
    return Paginator(firsts, CONTRIBUTIONS_PER_PAGE).get_page(page)


def replies_page(contribution: Contribution, *, page: str | int | None) -> Page:
    replies = _with_authors(contribution.replies.order_by("created_at", "pk"))
    return Paginator(replies, REPLIES_PER_PAGE).get_page(page)


@dataclass(frozen=True)
class Columns:
    for_: list
    against: list


def for_and_against(topic: Topic) -> Columns:
    """The latest visible contributions for and against, side by side."""
    visible = Contribution.objects.filter(
        topic=topic, parent__isnull=True, deleted_at__isnull=True, moderation__in=VISIBLE_STATES
    )
    latest = _with_authors(visible).order_by("-created_at", "-pk")
    return Columns(
        for_=list(latest.filter(kind=Kind.FOR)[:COLUMN_LENGTH]),
        against=list(latest.filter(kind=Kind.AGAINST)[:COLUMN_LENGTH]),
    )


def moderation_log(workshop: Workshop, *, page: str | int | None) -> Page:
    entries = ModerationEntry.objects.filter(workshop=workshop).select_related(
        "contribution__topic", "decided_by"
    )
    return Paginator(entries, LOG_PER_PAGE).get_page(page)


def to_moderate(workshop: Workshop) -> list[Contribution]:
    """What waits for a moderator: contributions hidden by reports, reported ones still
    visible, and hidden ones whose author asked for a review. With the number of reports of
    each reason, never who reported."""
    waiting = (
        Q(moderation=Moderation.AWAITING)
        | Q(moderation=Moderation.NONE, report_count__gt=0)
        | Q(
            moderation=Moderation.HIDDEN,
            review_requested_at__isnull=False,
            review_answered_at__isnull=True,
        )
    )
    reasons = {
        f"reported_{reason}": Count("reports", filter=Q(reports__reason=reason))
        for reason in ReportReason.values
    }
    return list(
        Contribution.objects.filter(waiting, topic__workshop=workshop, deleted_at__isnull=True)
        .select_related("author", "topic")
        .annotate(**reasons)
        .order_by("-report_count", "created_at")[: settings.ATELIERS_PAGE_SIZE * 5]
    )


def mark_for_reader(user, contributions, *, now) -> None:
    """Set on each contribution (and its first replies) what the reader may do with it as
    its author: `mine`, and `editable` while the edit window lasts. No query."""
    from .services import can_still_edit

    reader = user.pk if user.is_authenticated else None
    for contribution in contributions:
        for item in [contribution, *getattr(contribution, "first_replies", [])]:
            item.mine = reader is not None and item.author_id == reader
            item.editable = item.mine and item.is_visible and can_still_edit(item, now)


def why_one_cannot_post(user, topic: Topic) -> str:
    """In words, why the reader sees no form to post in the topic."""
    from django.utils.translation import gettext as _

    if topic.is_closed:
        return _("The topic is closed: nothing more can be posted in it.")
    phase = topic.workshop.current_phase
    if phase is None or not phase.allows("post"):
        return _("Contributions are posted while the workshop's debate phase runs.")
    if not user.is_authenticated:
        return _("Log in to take part: the workshop's participants post here.")
    return _("Only the workshop's participants and its team post here.")
