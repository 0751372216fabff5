"""Writes of the recommendations: draft one (its first version and its first author), edit it
(a new version when something changed), add a co-author, support it and withdraw the support.
Supports are counted on the recommendation by conditional updates, so that a page never counts
its rows; the unique constraint on (recommendation, user) keeps one support per person."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from ateliers.activity.services import record
from ateliers.core.errors import ApplicationError, Collected, InvalidInput, StateChanged
from ateliers.core.models import User
from ateliers.core.names import clean_name
from ateliers.core.texts import clean_text
from ateliers.workshops.models import Workshop

from .grounds import Grounds, grounds_set, validate_grounds
from .models import (
    AdoptionOpening,
    Recommendation,
    RecommendationAuthor,
    RecommendationVersion,
    Status,
    Support,
)

MAX_TITLE = 160
MAX_TEXT = 10_000
MAX_NOTE = 3_000


class AlreadySupported(ApplicationError):
    default_message = _("You already support this recommendation.")


class NotSupported(ApplicationError):
    default_message = _("You do not support this recommendation: there is nothing to withdraw.")


class AlreadyAuthor(ApplicationError):
    default_message = _("This person is already one of its authors.")


class NotAParticipant(ApplicationError):
    default_message = _("Only a participant of the workshop can be a co-author.")


class NoLongerADraft(StateChanged):
    default_message = _("This recommendation is no longer a draft: it cannot be changed.")


# What each version keeps of the recommendation.
VERSIONED = ("title", "text", "general_interest", "cost_note", "feasibility_note")


@dataclass(frozen=True)
class Content:
    """What an author writes, the same for a recommendation and each of its versions."""

    title: str
    text: str
    general_interest: str
    cost_note: str = ""
    feasibility_note: str = ""

    def as_fields(self) -> dict[str, str]:
        return {
            "title": self.title,
            "text": self.text,
            "general_interest": self.general_interest,
            "cost_note": self.cost_note,
            "feasibility_note": self.feasibility_note,
        }


WRITE_SOMETHING = _("Write something here.")


def checked_text(
    errors: Collected, value: str, *, field: str, longest: int, missing: StrOrPromise | None = None
) -> str:
    """`value` cleaned and stripped; what is wrong with it goes into `errors` under `field`.
    `missing`: the message when it is empty, for a text that is required (None: optional)."""
    try:
        text = clean_text(value or "", field=field).strip()
    except InvalidInput as error:
        errors.add(field, error.messages[0])
        return ""
    if missing is not None and not text:
        errors.add(field, missing)
    elif len(text) > longest:
        errors.add(
            field,
            _("At most %(most)s characters (this text has %(count)s).")
            % {"most": f"{longest:,}", "count": f"{len(text):,}"},
        )
    return text


def version_add(current: Recommendation, *, by_id: int | None, **changed: str) -> int:
    """Change `current` (locked by the caller) and keep the result as its next version, written
    by `by_id`: an author's edit, an accepted amendment, an amendment adopted by vote."""
    number = current.version + 1
    for name, value in changed.items():
        setattr(current, name, value)
    current.version = number
    current.save(update_fields=[*changed, "version", "updated_at"])
    RecommendationVersion.objects.create(
        recommendation=current,
        number=number,
        edited_by_id=by_id,
        **{name: getattr(current, name) for name in VERSIONED},
    )
    return number


def validate_content(
    *, title: str, text: str, general_interest: str, cost_note: str = "", feasibility_note: str = ""
) -> Content:
    """The content as it will be stored, or InvalidInput naming each field at fault."""
    errors = Collected()
    try:
        title = clean_name(title or "", field="title").strip()
    except InvalidInput as error:
        errors.add("title", error.messages[0])
        title = "-"
    if not title:
        errors.add("title", _("Give the recommendation a title."))
    elif len(title) > MAX_TITLE:
        errors.add("title", _("At most %(most)s characters.") % {"most": MAX_TITLE})
    content = Content(
        title=title,
        text=checked_text(errors, text, field="text", longest=MAX_TEXT, missing=WRITE_SOMETHING),
        general_interest=checked_text(
            errors,
            general_interest,
            field="general_interest",
            longest=MAX_NOTE,
            missing=_(
                "Say which general interest this recommendation serves: what it brings to "
                "the neighbourhood or the city, beyond one person's situation."
            ),
        ),
        cost_note=checked_text(errors, cost_note, field="cost_note", longest=MAX_NOTE),
        feasibility_note=checked_text(
            errors, feasibility_note, field="feasibility_note", longest=MAX_NOTE
        ),
    )
    errors.raise_if_any()
    return content


# What it builds on (grounds.py): checked with its content, so that one refusal names every
# field at fault. `grounds` None leaves the links as they are.
def _validated(
    workshop: Workshop, grounds: str | None, content: dict[str, str]
) -> tuple[Content, Grounds | None]:
    errors = Collected()
    values = None
    try:
        values = validate_content(**content)
    except InvalidInput as error:
        for field, messages in error.errors.items():
            for message in messages:
                errors.add(field, message)
    linked = None
    if grounds is not None:
        linked = validate_grounds(workshop=workshop, grounds=grounds, errors=errors)
    errors.raise_if_any()
    assert values is not None
    return values, linked


def is_author(recommendation: Recommendation, user) -> bool:
    return bool(
        user.is_authenticated
        and RecommendationAuthor.objects.filter(recommendation=recommendation, user=user).exists()
    )


@transaction.atomic
def recommendation_draft(
    *, workshop: Workshop, by: User, grounds: str = "", **content: str
) -> Recommendation:
    values, linked = _validated(workshop, grounds, content)
    # The adoption is open: the recommendations are frozen, none is added (adoption.py).
    if AdoptionOpening.objects.filter(workshop=workshop).exists():
        raise StateChanged(_("The adoption is open: no recommendation can be drafted any more."))
    recommendation = Recommendation.objects.create(
        workshop=workshop, created_by=by, version=1, **values.as_fields()
    )
    RecommendationVersion.objects.create(
        recommendation=recommendation, number=1, edited_by=by, **values.as_fields()
    )
    RecommendationAuthor.objects.create(recommendation=recommendation, user=by)
    if linked is not None:
        grounds_set(recommendation, linked)
    record(
        actor=by,
        verb="recommendations.drafted",
        target=workshop,
        data={"title": recommendation.title},
    )
    return recommendation


@transaction.atomic
def recommendation_edit(
    *, recommendation: Recommendation, by: User, grounds: str | None = None, **content: str
) -> Recommendation:
    """A new version when something changed; the same recommendation otherwise. Only its
    authors edit it (the rules say so; the service checks again). `grounds` replaces what it
    builds on; the links are not part of its versioned text, so they alone make no version."""
    values, linked = _validated(recommendation.workshop, grounds, content)
    # Locked (PostgreSQL) so that two authors saving at once make two numbered versions.
    current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if current.status != Status.DRAFT:
        raise NoLongerADraft()
    if not is_author(current, by):
        raise ApplicationError(_("Only the authors of a recommendation can change it."))
    if linked is not None:
        grounds_set(current, linked)
    fields = values.as_fields()
    if all(getattr(current, name) == value for name, value in fields.items()):
        return current
    version_add(current, by_id=by.pk, **fields)
    record(
        actor=by,
        verb="recommendations.edited",
        target=current.workshop,
        data={"title": current.title},
    )
    return current


@transaction.atomic
def coauthor_add(*, recommendation: Recommendation, user: User, by: User) -> RecommendationAuthor:
    # Frozen once submitted for adoption, like its text.
    if not Recommendation.objects.filter(pk=recommendation.pk, status=Status.DRAFT).exists():
        raise NoLongerADraft()
    if not is_author(recommendation, by):
        raise ApplicationError(_("Only the authors of a recommendation can add a co-author."))
    if not recommendation.workshop.participations.filter(user=user).exists():
        raise NotAParticipant(field="user")
    try:
        with transaction.atomic():
            author = RecommendationAuthor.objects.create(recommendation=recommendation, user=user)
    except IntegrityError:
        raise AlreadyAuthor(field="user") from None
    record(
        actor=by,
        verb="recommendations.coauthor_added",
        target=recommendation.workshop,
        data={"title": recommendation.title},
    )
    return author


@transaction.atomic
def support_add(*, recommendation: Recommendation, by: User) -> Support:
    try:
        with transaction.atomic():
            support = Support.objects.create(recommendation=recommendation, user=by)
    except IntegrityError:
        raise AlreadySupported() from None
    Recommendation.objects.filter(pk=recommendation.pk).update(support_count=F("support_count") + 1)
    record(
        actor=by,
        verb="recommendations.supported",
        target=recommendation.workshop,
        data={"title": recommendation.title},
    )
    return support


@transaction.atomic
def support_withdraw(*, recommendation: Recommendation, by: User) -> None:
    deleted, _rows = Support.objects.filter(recommendation=recommendation, user=by).delete()
    if not deleted:
        raise NotSupported()
    Recommendation.objects.filter(pk=recommendation.pk, support_count__gt=0).update(
        support_count=F("support_count") - 1
    )
    record(
        actor=by,
        verb="recommendations.support_withdrawn",
        target=recommendation.workshop,
        data={"title": recommendation.title},
    )
