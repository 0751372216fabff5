"""The kinds of news a person is told of, each from actions of the activity log.

Every app already tells the log what happened, through one call (`activity.services.record`);
this module says which of those actions are news, for whom, and which of those people the app
already told by its own e-mail (their notification then shows on the page, without a second
e-mail). A person chooses per kind how they are told (models.Preference).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from ateliers.activity.models import Action
from ateliers.core.models import User
from ateliers.councils.models import Council, current_mandate_q
from ateliers.debate.models import Contribution
from ateliers.recommendations.models import Recommendation
from ateliers.townhall.models import CouncilSubmission
from ateliers.trainings.models import Training
from ateliers.workshops.models import Workshop

from .follows import followers_of


@dataclass(frozen=True)
class Kind:
    name: str
    label: StrOrPromise
    verbs: frozenset[str]
    # Who is told of an action (people, as a condition on accounts).
    audience: Callable[[Action], Q]
    # Those of them its app already e-mails itself.
    told_by_its_app: Callable[[Action], Q] | None = None


def _nobody(action: Action) -> Q:
    return Q(pk__in=[])


def _members_of(council_ids) -> Q:
    return current_mandate_q(timezone.localdate(), prefix="mandates__") & Q(
        mandates__council_id__in=council_ids
    )


def _around(owner) -> Q:
    """The followers of a workshop and its participants, or of a council and its members."""
    if isinstance(owner, Workshop):
        return Q(pk__in=followers_of(owner)) | Q(participations__workshop_id=owner.pk)
    if isinstance(owner, Council):
        return Q(pk__in=followers_of(owner)) | _members_of([owner.pk])
    return Q(pk__in=[])


def _taking_part(owner) -> Q:
    if isinstance(owner, Workshop):
        return Q(participations__workshop_id=owner.pk)
    if isinstance(owner, Council):
        return _members_of([owner.pk])
    return Q(pk__in=[])


def _new_workshop(action: Action) -> Q:
    """Who follows its neighbourhood or one of its themes, and the members of the councils of
    its territory (the whole city's councils for a city workshop)."""
    workshop = action.target
    if not isinstance(workshop, Workshop):
        return _nobody(action)
    councils = Council.objects.filter(neighbourhood_id=workshop.neighbourhood_id).values("pk")
    return Q(pk__in=followers_of(workshop.neighbourhood, *workshop.themes.all())) | _members_of(
        councils
    )


def _workshop_news(action: Action) -> Q:
    return _around(action.target)


def _owner_of_submission_or_recommendation(action: Action):
    subject = action.target
    if isinstance(subject, Recommendation):
        return subject.workshop
    if isinstance(subject, CouncilSubmission):
        return subject.council
    return None


def _answer_news(action: Action) -> Q:
    return _around(_owner_of_submission_or_recommendation(action))


def _answer_told(action: Action) -> Q:
    if action.verb == "townhall.milestone_added":
        return _nobody(action)  # the town hall e-mails its updates, not its new milestones
    return _taking_part(_owner_of_submission_or_recommendation(action))


def _training_news(action: Action) -> Q:
    training = action.target
    if not isinstance(training, Training):
        return _nobody(action)
    return Q(pk__in=followers_of(*training.themes.all()))


def _contribution(action: Action) -> Contribution | None:
    return (
        Contribution.objects.select_related("parent")
        .filter(pk=action.data.get("contribution"))
        .first()
    )


def _replied_to(action: Action) -> Q:
    reply = _contribution(action)
    if reply is None or reply.parent is None or reply.parent.author_id is None:
        return _nobody(action)
    return Q(pk=reply.parent.author_id)


def _author(action: Action) -> Q:
    contribution = _contribution(action)
    if contribution is None or contribution.author_id is None:
        return _nobody(action)
    return Q(pk=contribution.author_id)


def _author_told_of_hiding(action: Action) -> Q:
    # The debate e-mails the author when a moderator hides their contribution.
    return _author(action) if action.verb == "debate.hidden" else _nobody(action)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in [
        Kind(
            "new_workshop",
            _("A new workshop calls for participants in what I follow"),
            frozenset({"workshop.published"}),
            _new_workshop,
        ),
        Kind(
            "phase_started",
            _("A workshop I follow moves to its next phase"),
            frozenset({"workshop.phase_started"}),
            _workshop_news,
        ),
        Kind(
            "new_document",
            _("A new document in a workshop or council I follow"),
            frozenset({"document.added"}),
            _workshop_news,
        ),
        Kind(
            "new_meeting",
            _("A new meeting of a workshop or council I follow"),
            frozenset({"meeting.planned"}),
            _workshop_news,
        ),
        Kind(
            "new_training_session",
            _("A new training session on a theme I follow"),
            frozenset({"training.session_added"}),
            _training_news,
        ),
        Kind(
            "reply",
            _("A reply to one of my contributions"),
            frozenset({"debate.replied"}),
            _replied_to,
        ),
        Kind(
            "moderation",
            _("A moderation decision about one of my contributions"),
            frozenset({"debate.hidden", "debate.auto_hidden", "debate.restored"}),
            _author,
            _author_told_of_hiding,
        ),
        Kind(
            "answer",
            _("The city's answer to a recommendation I follow"),
            frozenset({"townhall.answered", "townhall.answer_changed"}),
            _answer_news,
            _answer_told,
        ),
        Kind(
            "milestone",
            _("News of the milestones of a recommendation I follow"),
            frozenset({"townhall.milestone_added", "townhall.milestone_updated"}),
            _answer_news,
            _answer_told,
        ),
    ]
}

BY_VERB: dict[str, Kind] = {verb: kind for kind in KINDS.values() for verb in kind.verbs}


def recipients(kind: Kind, action: Action) -> QuerySet[User]:
    """The active accounts told of `action`, but whoever did it."""
    people = User.objects.filter(kind.audience(action)).filter(is_active=True, deleted_at=None)
    if action.actor_id is not None:
        people = people.exclude(pk=action.actor_id)
    return people.distinct()


def told_by_its_app(kind: Kind, action: Action) -> QuerySet[User]:
    if kind.told_by_its_app is None:
        return User.objects.none()
    return User.objects.filter(kind.told_by_its_app(action)).distinct()
