"""Writes of the debate: open a topic, pin its synthesis, close it; post, reply, edit within
the edit window, delete one's own; report; hide or restore as a moderator; ask once for a
review. Counts of visible contributions are kept on the topic by conditional updates, so that
a topic page never counts its rows."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import ApplicationError, Collected, InvalidInput, StateChanged
from ateliers.core.models import User
from ateliers.core.names import clean_name
from ateliers.core.texts import clean_text
from ateliers.workshops.models import Workshop

from . import tasks
from .models import (
    COUNTER_OF_KIND,
    VISIBLE_STATES,
    Contribution,
    Decision,
    Kind,
    Moderation,
    ModerationEntry,
    Report,
    ReportReason,
    Topic,
)

MAX_TEXT = 5_000
MAX_REASON = 1_000


class TopicClosed(StateChanged):
    default_message = _("This topic is closed: its conclusion is written, nothing more is posted.")


class ContributionDeleted(StateChanged):
    default_message = _("This contribution was deleted by its author.")


class EditWindowOver(ApplicationError):
    def __init__(self):
        super().__init__(
            _("A contribution can be changed only in the %(minutes)s minutes after it is posted.")
            % {"minutes": edit_minutes()}
        )


class AlreadyReported(ApplicationError):
    default_message = _("You have already reported this contribution: moderators will look at it.")


class NotYourContribution(ApplicationError):
    default_message = _("You cannot report your own contribution: edit or delete it instead.")


class ReviewAlreadyAsked(ApplicationError):
    default_message = _("A review was already asked for this contribution.")


def edit_minutes() -> int:
    return settings.DEBATE_EDIT_MINUTES


def reports_to_hide() -> int:
    return settings.DEBATE_REPORTS_TO_HIDE


def edit_deadline(contribution: Contribution) -> datetime.datetime:
    return contribution.created_at + datetime.timedelta(minutes=edit_minutes())


def can_still_edit(contribution: Contribution, now: datetime.datetime) -> bool:
    return now <= edit_deadline(contribution)


def _text(value: str, *, field: str, required: bool = True, longest: int = MAX_TEXT) -> str:
    text = clean_text(value or "", field=field).strip()
    if required and not text:
        raise InvalidInput(_("Write something here."), field=field)
    if len(text) > longest:
        raise InvalidInput(
            _("At most %(most)s characters (this text has %(count)s).")
            % {"most": f"{longest:,}", "count": f"{len(text):,}"},
            field=field,
        )
    return text


def add_to_counts(topic_id: int, contribution: Contribution, step: int) -> None:
    """Add `step` to the topic's counter of the contribution's kind (replies: both the topic's
    and the parent's reply counters)."""
    if contribution.parent_id is None:
        field = COUNTER_OF_KIND[Kind(contribution.kind)]
        Topic.objects.filter(pk=topic_id).update(**{field: F(field) + step})
    else:
        Topic.objects.filter(pk=topic_id).update(reply_count=F("reply_count") + step)
        Contribution.objects.filter(pk=contribution.parent_id).update(
            reply_count=F("reply_count") + step
        )


def _lock(contribution: Contribution) -> Contribution:
    """The contribution as it is now, its row locked until the transaction ends (PostgreSQL),
    so that two moderators, or a moderator and a report, decide one after the other."""
    return Contribution.objects.select_for_update().select_related("topic").get(pk=contribution.pk)


def _open_topic_of(topic: Topic) -> Topic:
    current = Topic.objects.get(pk=topic.pk)
    if current.is_closed:
        raise TopicClosed()
    return current


# Topics ------------------------------------------------------------------------------------


@transaction.atomic
def topic_open(*, workshop: Workshop, title: str, description: str, by: User) -> Topic:
    errors = Collected()
    try:
        title = clean_name(title, field="title")
    except InvalidInput as error:
        errors.add("title", error.messages[0])
    try:
        description = _text(description, field="description", required=False)
    except InvalidInput as error:
        errors.add("description", error.messages[0])
    if not title:
        errors.add("title", _("Give the topic a title."))
    errors.raise_if_any()
    topic = Topic.objects.create(
        workshop=workshop, title=title, description=description, created_by=by
    )
    record(actor=by, verb="debate.topic_opened", target=workshop, data={"title": title})
    return topic


@transaction.atomic
def topic_set_synthesis(*, topic: Topic, synthesis: str, by: User) -> Topic:
    synthesis = _text(synthesis, field="synthesis", required=False, longest=20_000)
    topic = Topic.objects.select_for_update().get(pk=topic.pk)
    topic.synthesis = synthesis
    topic.synthesis_updated_at = timezone.now()
    topic.save(update_fields=["synthesis", "synthesis_updated_at"])
    record(
        actor=by,
        verb="debate.synthesis_written",
        target=topic.workshop,
        data={"title": topic.title},
    )
    return topic


@transaction.atomic
def topic_close(*, topic: Topic, conclusion: str, by: User) -> Topic:
    conclusion = _text(conclusion, field="conclusion", longest=20_000)
    closed = Topic.objects.filter(pk=topic.pk, closed_at__isnull=True).update(
        closed_at=timezone.now(), conclusion=conclusion
    )
    if not closed:
        raise TopicClosed()
    topic = Topic.objects.select_related("workshop").get(pk=topic.pk)
    record(
        actor=by,
        verb="debate.topic_closed",
        target=topic.workshop,
        data={"title": topic.title},
    )
    return topic


# Contributions -----------------------------------------------------------------------------


@transaction.atomic
def contribution_post(
    *, topic: Topic, kind: str, text: str, by: User, language: str = settings.LANGUAGE_CODE
) -> Contribution:
    if kind not in Kind.values:
        raise InvalidInput(
            _("Choose what your contribution is: for, against, a question or a remark."),
            field="kind",
        )
    return _publish(
        topic=_open_topic_of(topic),
        kind=kind,
        text=_text(text, field="text"),
        by=by,
        language=language,
        verb="debate.posted",
    )


@transaction.atomic
def contribution_reply(
    *, parent: Contribution, text: str, by: User, language: str = settings.LANGUAGE_CODE
) -> Contribution:
    text = _text(text, field="text")
    if parent.parent_id is not None:
        # One level of replies: answering a reply answers its contribution.
        parent = Contribution.objects.get(pk=parent.parent_id)
    return _publish(
        topic=_open_topic_of(parent.topic),
        parent=parent,
        text=text,
        by=by,
        language=language,
        verb="debate.replied",
    )


def _publish(*, topic: Topic, text: str, by: User, language: str, verb: str, **where):
    """A new contribution (`kind=`) or reply (`parent=`), counted and logged."""
    contribution = Contribution.objects.create(
        topic=topic, author=by, text=text, language=language, created_at=timezone.now(), **where
    )
    add_to_counts(topic.pk, contribution, +1)
    # The contribution's number: whom a reply answers is told (notifications).
    data = {"title": topic.title, "contribution": contribution.pk}
    record(actor=by, verb=verb, target=topic, data=data)
    return contribution


@transaction.atomic
def contribution_edit(*, contribution: Contribution, text: str, by: User) -> Contribution:
    text = _text(text, field="text")
    current = _lock(contribution)
    if current.is_deleted:
        raise ContributionDeleted()
    if current.topic.is_closed:
        raise TopicClosed()
    now = timezone.now()
    if not can_still_edit(current, now):
        raise EditWindowOver()
    if text != current.text:
        current.text = text
        current.edited_at = now
        current.save(update_fields=["text", "edited_at"])
    return current


@transaction.atomic
def contribution_delete(*, contribution: Contribution, by: User) -> Contribution:
    """The author withdraws it: the text goes, the replies stay."""
    current = _lock(contribution)
    if current.is_deleted:
        raise ContributionDeleted()
    was_visible = current.is_visible
    current.text = ""
    current.deleted_at = timezone.now()
    current.save(update_fields=["text", "deleted_at"])
    if was_visible:
        add_to_counts(current.topic_id, current, -1)
    record(
        actor=by,
        verb="debate.deleted",
        target=current.topic,
        data={"title": current.topic.title},
    )
    return current


# Moderation --------------------------------------------------------------------------------


@transaction.atomic
def contribution_report(
    *, contribution: Contribution, reason: str, details: str, by: User
) -> Report:
    if reason not in ReportReason.values:
        raise InvalidInput(_("Choose why you report it."), field="reason")
    details = _text(
        details, field="details", required=reason == ReportReason.OTHER, longest=MAX_REASON
    )
    if contribution.author_id == by.pk:
        raise NotYourContribution()
    if contribution.is_deleted:
        raise ContributionDeleted()
    try:
        with transaction.atomic():
            report = Report.objects.create(
                contribution=contribution, reporter=by, reason=reason, details=details
            )
    except IntegrityError:
        raise AlreadyReported() from None
    Contribution.objects.filter(pk=contribution.pk).update(report_count=F("report_count") + 1)
    # Only the report that crosses the threshold of a post nobody decided on hides it.
    hidden = Contribution.objects.filter(
        pk=contribution.pk,
        moderation=Moderation.NONE,
        deleted_at__isnull=True,
        report_count__gte=reports_to_hide(),
    ).update(moderation=Moderation.AWAITING)
    if hidden:
        add_to_counts(contribution.topic_id, contribution, -1)
        ModerationEntry.objects.create(
            workshop_id=contribution.topic.workshop_id,
            contribution=contribution,
            decision=Decision.AUTO_HIDDEN,
            decided_at=timezone.now(),
        )
        # Logged without the reporter, and, like every decision, out of the kept pages.
        record(
            actor=None,
            verb="debate.auto_hidden",
            target=contribution.topic.workshop,
            data={"title": contribution.topic.title, "contribution": contribution.pk},
        )
    # Who reported is the moderators' business only.
    record(actor=by, verb="debate.reported", target=contribution.topic, data={})
    return report


@transaction.atomic
def contribution_hide(*, contribution: Contribution, reason: str, by: User) -> Contribution:
    reason = _text(reason, field="reason", longest=MAX_REASON)
    current = _lock(contribution)
    if current.is_deleted:
        raise ContributionDeleted()
    # Hiding a hidden contribution again answers its author's request for a review.
    answers_review = (
        current.moderation == Moderation.HIDDEN
        and current.review_requested_at is not None
        and current.review_answered_at is None
    )
    if current.moderation == Moderation.HIDDEN and not answers_review:
        raise StateChanged(_("This contribution is already hidden."))
    was_visible = current.is_visible
    current.moderation = Moderation.HIDDEN
    current.moderation_reason = reason
    if answers_review:
        current.review_answered_at = timezone.now()
    else:  # a new decision: its author may ask for a review of it
        current.review_requested_at = None
        current.review_answered_at = None
        current.review_request = ""
    current.save(
        update_fields=[
            "moderation",
            "moderation_reason",
            "review_requested_at",
            "review_answered_at",
            "review_request",
        ]
    )
    if was_visible:
        add_to_counts(current.topic_id, current, -1)
    entry = ModerationEntry.objects.create(
        workshop_id=current.topic.workshop_id,
        contribution=current,
        decision=Decision.HIDDEN,
        reason=reason,
        decided_by=by,
        decided_at=timezone.now(),
    )
    record(
        actor=by,
        verb="debate.hidden",
        target=current.topic.workshop,
        data={"title": current.topic.title, "reason": reason, "contribution": current.pk},
    )
    if current.author_id:
        transaction.on_commit(lambda: tasks.tell_author_hidden.enqueue(entry.pk))
    return current


@transaction.atomic
def contribution_restore(*, contribution: Contribution, reason: str, by: User) -> Contribution:
    reason = _text(reason, field="reason", required=False, longest=MAX_REASON)
    current = _lock(contribution)
    if current.is_deleted:
        raise ContributionDeleted()
    if current.moderation in VISIBLE_STATES:
        raise StateChanged(_("This contribution is already visible."))
    current.moderation = Moderation.RESTORED
    current.moderation_reason = ""
    if current.review_requested_at is not None:
        current.review_answered_at = timezone.now()
    current.save(update_fields=["moderation", "moderation_reason", "review_answered_at"])
    add_to_counts(current.topic_id, current, +1)
    ModerationEntry.objects.create(
        workshop_id=current.topic.workshop_id,
        contribution=current,
        decision=Decision.RESTORED,
        reason=reason,
        decided_by=by,
        decided_at=timezone.now(),
    )
    record(
        actor=by,
        verb="debate.restored",
        target=current.topic.workshop,
        data={"title": current.topic.title, "contribution": current.pk},
    )
    return current


@transaction.atomic
def review_ask(*, contribution: Contribution, message: str, by: User) -> Contribution:
    """The author of a hidden contribution asks, once, that a moderator look again."""
    message = _text(message, field="message", longest=MAX_REASON)
    asked = Contribution.objects.filter(
        pk=contribution.pk,
        author=by,
        moderation=Moderation.HIDDEN,
        review_requested_at__isnull=True,
        deleted_at__isnull=True,
    ).update(review_requested_at=timezone.now(), review_request=message)
    if not asked:
        raise ReviewAlreadyAsked()
    current = Contribution.objects.select_related("topic").get(pk=contribution.pk)
    record(actor=by, verb="debate.review_asked", target=current.topic, data={})
    transaction.on_commit(lambda: tasks.tell_moderators_review_asked.enqueue(current.pk))
    return current
