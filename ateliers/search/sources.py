"""What each kind of thing puts in the index, and which of them the public may see: the same
rules as their pages (a draft workshop and everything in it is its team's; a hidden or deleted
contribution and a statement not accepted are nobody's to find)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.urls import reverse

from ateliers.councils.models import Council
from ateliers.debate.models import VISIBLE_STATES, Contribution
from ateliers.documents.models import Document
from ateliers.opinions.models import Statement, StatementStatus
from ateliers.recommendations.models import Recommendation
from ateliers.townhall.models import Answer, CouncilSubmission
from ateliers.workshops.models import PUBLIC_STATUSES, Workshop

from .models import Kind


@dataclass(frozen=True)
class Source:
    kind: Kind
    model: type[models.Model]
    # Who may see one: a condition on the model's rows.
    visible: Q
    # What an entry reads, in one query with the rows.
    related: tuple[str, ...]
    # The row's field path to its workshop, for things that belong to one.
    workshop: str | None
    fields: Callable[[models.Model], dict]

    def rows(self, queryset=None) -> models.QuerySet:
        queryset = self.model._default_manager.all() if queryset is None else queryset
        return queryset.filter(self.visible).select_related(*self.related).order_by("pk")


def _joined(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _workshop(workshop: Workshop) -> dict:
    return {
        "title": workshop.title,
        "text": _joined(workshop.project, workshop.objective),
        "context": workshop.get_kind_display(),
        "neighbourhood_id": workshop.neighbourhood_id,
        "url": workshop.get_absolute_url(),
        "date": workshop.starts_at,
    }


def _council(council: Council) -> dict:
    return {
        "title": council.name,
        "text": council.description,
        "context": council.get_kind_display(),
        "neighbourhood_id": council.neighbourhood_id,
        "url": council.get_absolute_url(),
        "date": council.created_at,
    }


def _document(document: Document) -> dict:
    owner = document.workshop or document.council
    # Set by index.py: the text of its latest version's PDF.
    file_text = getattr(document, "file_text", "")
    return {
        "title": document.title,
        "text": _joined(document.summary, file_text),
        "context": str(owner),
        "neighbourhood_id": owner.neighbourhood_id if owner else None,
        "url": document.get_absolute_url(),
        "date": document.updated_at,
    }


def _contribution(contribution: Contribution) -> dict:
    topic = contribution.topic
    return {
        "title": "",
        "text": contribution.text,
        "context": topic.title,
        "neighbourhood_id": topic.workshop.neighbourhood_id,
        "url": contribution.get_absolute_url(),
        "date": contribution.created_at,
    }


def _statement(statement: Statement) -> dict:
    conversation = statement.conversation
    return {
        "title": "",
        "text": statement.text,
        "context": conversation.question,
        "neighbourhood_id": conversation.workshop.neighbourhood_id,
        "url": reverse("opinions:statement", args=[conversation.pk, statement.position]),
        "date": statement.created_at,
    }


def _recommendation(recommendation: Recommendation) -> dict:
    return {
        "title": recommendation.title,
        "text": _joined(recommendation.text, recommendation.general_interest),
        "context": recommendation.workshop.title,
        "neighbourhood_id": recommendation.workshop.neighbourhood_id,
        "url": recommendation.get_absolute_url(),
        "date": recommendation.updated_at,
    }


def _submission(submission: CouncilSubmission) -> dict:
    council = submission.council
    return {
        "title": submission.title,
        "text": submission.text,
        "context": council.name,
        "neighbourhood_id": council.neighbourhood_id,
        "url": submission.get_absolute_url(),
        "date": submission.submitted_at,
    }


def _answer(answer: Answer) -> dict:
    if answer.recommendation_id:
        subject = answer.recommendation
        neighbourhood_id = subject.workshop.neighbourhood_id
        url = reverse("townhall:followup_recommendation", args=[subject.pk])
    else:
        subject = answer.submission
        neighbourhood_id = subject.council.neighbourhood_id
        url = subject.get_absolute_url()
    return {
        "title": "",
        # What it answers is part of what people type to find it.
        "text": _joined(subject.title, answer.get_status_display(), answer.justification),
        "context": subject.title,
        "neighbourhood_id": neighbourhood_id,
        "url": url,
        "date": answer.updated_at,
    }


SOURCES = [
    Source(Kind.WORKSHOP, Workshop, Q(status__in=PUBLIC_STATUSES), (), None, _workshop),
    Source(Kind.COUNCIL, Council, Q(), (), None, _council),
    Source(
        Kind.DOCUMENT,
        Document,
        Q(workshop__isnull=True) | Q(workshop__status__in=PUBLIC_STATUSES),
        ("workshop", "council"),
        "workshop",
        _document,
    ),
    Source(
        Kind.CONTRIBUTION,
        Contribution,
        Q(
            deleted_at__isnull=True,
            moderation__in=VISIBLE_STATES,
            topic__workshop__status__in=PUBLIC_STATUSES,
        ),
        ("topic__workshop",),
        "topic__workshop",
        _contribution,
    ),
    Source(
        Kind.STATEMENT,
        Statement,
        Q(
            status=StatementStatus.ACCEPTED,
            conversation__workshop__status__in=PUBLIC_STATUSES,
        ),
        ("conversation__workshop",),
        "conversation__workshop",
        _statement,
    ),
    Source(
        Kind.RECOMMENDATION,
        Recommendation,
        Q(workshop__status__in=PUBLIC_STATUSES),
        ("workshop",),
        "workshop",
        _recommendation,
    ),
    # Every council's submission is public, from the day it is recorded.
    Source(Kind.SUBMISSION, CouncilSubmission, Q(), ("council",), None, _submission),
    Source(
        Kind.ANSWER,
        Answer,
        Q(recommendation__isnull=True) | Q(recommendation__workshop__status__in=PUBLIC_STATUSES),
        ("recommendation__workshop", "submission__council"),
        "recommendation__workshop",
        _answer,
    ),
]
BY_MODEL = {source.model: source for source in SOURCES}
# The things that belong to a workshop, and follow its visibility.
OF_A_WORKSHOP = [source for source in SOURCES if source.workshop]
# The things shown under a council's name and neighbourhood: the field path to it.
OF_A_COUNCIL = {
    BY_MODEL[Document]: "council",
    BY_MODEL[CouncilSubmission]: "council",
    BY_MODEL[Answer]: "submission__council",
}
