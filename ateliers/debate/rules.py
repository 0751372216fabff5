"""Who may do what in a workshop's debate. The workshop's participants and its team post and
reply while the debate phase runs; anyone with an account reports; the team opens and
concludes topics and moderates, from the debate to the end and after it; authors change
their words for a few minutes and withdraw them at any time."""

import rules
from django.utils import timezone

from ateliers.core.rules import is_logged_in
from ateliers.workshops.rules import (
    can_manage_workshop,
    is_archived,
    is_published,
    of_its_workshop,
    phase_allows,
    takes_part,
)

from .models import Moderation


def _about_workshop(predicate, name: str):
    """`predicate` of the workshop, asked about one of its topics or contributions."""
    return of_its_workshop(
        predicate, name, workshop_of=lambda target: getattr(target, "topic", target).workshop
    )


@rules.predicate
def topic_is_open(user, target) -> bool:
    topic = getattr(target, "topic", target)
    return topic is not None and topic.closed_at is None


@rules.predicate
def is_author(user, contribution) -> bool:
    return bool(
        contribution is not None and user.is_authenticated and contribution.author_id == user.pk
    )


@rules.predicate
def is_visible(user, contribution) -> bool:
    return contribution is not None and contribution.is_visible


@rules.predicate
def is_not_deleted(user, contribution) -> bool:
    return contribution is not None and contribution.deleted_at is None


@rules.predicate
def within_edit_window(user, contribution) -> bool:
    from .services import can_still_edit

    return contribution is not None and can_still_edit(contribution, timezone.now())


@rules.predicate
def review_can_be_asked(user, contribution) -> bool:
    return (
        contribution is not None
        and contribution.moderation == Moderation.HIDDEN
        and contribution.review_requested_at is None
    )


can_view_workshop = _about_workshop(
    is_published | is_archived | can_manage_workshop, "debate_workshop_visible"
)
can_open_topic = can_manage_workshop & is_published & phase_allows("open_topic")
can_moderate = can_manage_workshop & is_published & phase_allows("moderate")
can_post = _about_workshop(is_published & phase_allows("post") & takes_part, "debate_may_post")
can_reply = _about_workshop(is_published & phase_allows("reply") & takes_part, "debate_may_reply")

rules.add_perm("debate.view_topic", can_view_workshop)
rules.add_perm("debate.open_topic", can_open_topic)
rules.add_perm(
    "debate.conclude_topic",
    _about_workshop(
        can_manage_workshop & is_published & phase_allows("conclude_topic"),
        "debate_may_conclude",
    ),
)
rules.add_perm("debate.post_contribution", can_post & topic_is_open)
rules.add_perm("debate.reply_in_topic", can_reply & topic_is_open)
rules.add_perm("debate.reply_to_contribution", can_reply & topic_is_open & is_visible)
rules.add_perm(
    "debate.change_contribution",
    is_author & can_post & topic_is_open & is_visible & within_edit_window,
)
rules.add_perm("debate.delete_contribution", is_author & is_not_deleted)
rules.add_perm(
    "debate.report_contribution",
    is_logged_in
    & ~is_author
    & is_visible
    & _about_workshop(is_published & phase_allows("report"), "debate_may_report"),
)
rules.add_perm("debate.moderate_debate", can_moderate)
rules.add_perm(
    "debate.moderate_contribution",
    is_not_deleted & _about_workshop(can_moderate, "debate_may_moderate"),
)
rules.add_perm("debate.ask_for_review", is_author & review_can_be_asked)
