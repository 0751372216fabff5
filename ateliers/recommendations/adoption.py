"""The adoption of a workshop's recommendations: its opening (the drafts are frozen, "submitted"),
how each recommendation and each amendment put to the vote was decided (consensus or a vote in a
meeting, or an online vote of the participants), the online ballots, and dissenting opinions.

An online vote keeps who voted (Ballot, unique per person) apart from what they voted: the choice
only increments one of the adoption's tallies, by a conditional UPDATE in the ballot's own
transaction. Its window is checked against the database's clock (`Now()`), and its result is
frozen once it closes by `adoption_settle`, a conditional UPDATE that computes the result from
the tallies in SQL; pages call it lazily when they read an adoption whose window has closed.
Amendments are decided before their recommendation: an adopted amendment becomes a new version.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Case, F, Value, When
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import ApplicationError, Collected, InvalidInput, StateChanged
from ateliers.core.models import User
from ateliers.core.names import clean_name
from ateliers.core.page_cache import content_changed
from ateliers.workshops.models import Workshop

from .models import (
    Adoption,
    AdoptionOpening,
    Amendment,
    Ballot,
    Dissent,
    Recommendation,
    Status,
)
from .services import checked_text, version_add

Method = Adoption.Method
Result = Adoption.Result
MAX_DISSENT = 3_000
MAX_HELD_BY = 160
MAX_VOTES = 1_000_000
CHOICES = ("for", "against", "abstain")
_TALLY = {"for": "votes_for", "against": "votes_against", "abstain": "abstentions"}


class AdoptionAlreadyOpen(StateChanged):
    default_message = _("The adoption of this workshop's recommendations is already open.")


class AdoptionNotOpen(StateChanged):
    default_message = _(
        "The adoption is not open yet: open it first, which freezes the recommendations."
    )


class AlreadyDecided(StateChanged):
    default_message = _("How this was decided is already recorded: it cannot be recorded twice.")


class RecommendationAlreadyDecided(StateChanged):
    default_message = _(
        "Its recommendation is already decided: amendments are decided before their "
        "recommendation, so this amendment can no longer be decided."
    )


class AmendmentsFirst(StateChanged):
    default_message = _(
        "Decide first the amendments put to the vote on this recommendation: an adopted "
        "amendment changes the text that is then decided."
    )


class AlreadyVoted(ApplicationError):
    default_message = _("You already voted: each participant votes once.")


class VoteNotOpen(StateChanged):
    default_message = _("This vote is not open yet: come back when it opens.")


class VoteClosed(StateChanged):
    default_message = _("This vote is closed: your vote was not counted.")


class NotAVoter(ApplicationError):
    default_message = _("Only the workshop's participants vote.")


# --- Opening --------------------------------------------------------------------------------


def is_open(workshop: Workshop) -> bool:
    return AdoptionOpening.objects.filter(workshop=workshop).exists()


@transaction.atomic
def adoption_open(*, workshop: Workshop, by: User) -> AdoptionOpening:
    """Open the adoption: every draft of the workshop is submitted (frozen) in one UPDATE."""
    try:
        with transaction.atomic():
            opening = AdoptionOpening.objects.create(workshop=workshop, opened_by=by)
    except IntegrityError:
        raise AdoptionAlreadyOpen() from None
    submitted = Recommendation.objects.filter(workshop=workshop, status=Status.DRAFT).update(
        status=Status.SUBMITTED, updated_at=timezone.now()
    )
    record(
        actor=by, verb="recommendations.adoption_opened", target=workshop, data={"count": submitted}
    )
    return opening


# --- Recording ------------------------------------------------------------------------------


def _count(errors: Collected, value, *, field: str) -> int:
    if value is None or value == "":
        errors.add(field, _("Give a number (0 if nobody)."))
        return 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors.add(field, _("Give a whole number, such as 0, 4 or 12."))
        return 0
    if number < 0:
        errors.add(field, _("A number of votes cannot be negative."))
    elif number > MAX_VOTES:
        errors.add(field, _("This number of votes is too large."))
    return number


def validate_tallies(*, votes_for, votes_against, abstentions) -> tuple[int, int, int]:
    errors = Collected()
    counts = (
        _count(errors, votes_for, field="votes_for"),
        _count(errors, votes_against, field="votes_against"),
        _count(errors, abstentions, field="abstentions"),
    )
    errors.raise_if_any()
    if sum(counts) == 0:
        raise InvalidInput(
            _("Nobody voted: give the number of votes for, against and abstentions.")
        )
    return counts


def validate_window(
    *, opens_at: datetime.datetime | None, closes_at: datetime.datetime | None, now=None
) -> None:
    errors = Collected()
    if opens_at is None:
        errors.add("vote_opens_at", _("Say when the vote opens."))
    if closes_at is None:
        errors.add("vote_closes_at", _("Say when the vote closes."))
    if opens_at is not None and closes_at is not None:
        if closes_at <= opens_at:
            errors.add("vote_closes_at", _("The vote must close after it opens."))
        elif closes_at <= (now or timezone.now()):
            errors.add("vote_closes_at", _("The vote must close in the future."))
    errors.raise_if_any()


def _clean_note(note: str) -> str:
    errors = Collected()
    text = checked_text(errors, note, field="note", longest=MAX_DISSENT)
    errors.raise_if_any()
    return text


def _check_order(recommendation: Recommendation, amendment: Amendment | None) -> None:
    """Amendments are decided before their recommendation (see the module's docstring)."""
    if amendment is not None:
        if not amendment.put_to_vote or amendment.recommendation_id != recommendation.pk:
            raise ApplicationError(_("This amendment is not put to the vote."))
        if (
            recommendation.status in (Status.ADOPTED, Status.NOT_ADOPTED)
            or Adoption.objects.filter(
                recommendation=recommendation, amendment__isnull=True
            ).exists()
        ):
            raise RecommendationAlreadyDecided()
        return
    undecided = Amendment.objects.filter(recommendation=recommendation, put_to_vote=True).exclude(
        adoption__result__in=[Result.ADOPTED, Result.NOT_ADOPTED]
    )
    if undecided.exists():
        raise AmendmentsFirst()


@transaction.atomic
def adoption_record(
    *,
    recommendation: Recommendation,
    by: User,
    method: str,
    amendment: Amendment | None = None,
    adopted: bool | None = None,
    meeting=None,
    votes_for=None,
    votes_against=None,
    abstentions=None,
    vote_opens_at: datetime.datetime | None = None,
    vote_closes_at: datetime.datetime | None = None,
    note: str = "",
) -> Adoption:
    """Record how the workshop decided on `recommendation` (or on `amendment`, one of its
    amendments put to the vote). A decision in a meeting takes effect at once; an online vote
    is pending until its window closes."""
    # Locked (PostgreSQL) so that an amendment and its recommendation are not decided at once.
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if not is_open(recommendation.workshop):
        raise AdoptionNotOpen()
    if amendment is None and recommendation.status != Status.SUBMITTED:
        raise AlreadyDecided()
    if meeting is not None and meeting.workshop_id != recommendation.workshop_id:
        raise InvalidInput(_("Choose one of the workshop's meetings."), field="meeting")
    values: dict = {"method": method, "meeting": meeting, "note": _clean_note(note)}
    now = timezone.now()
    if method == Method.CONSENSUS:
        if adopted is None:
            raise InvalidInput(_("Say whether it was adopted."), field="adopted")
        values |= {"result": Result.ADOPTED if adopted else Result.NOT_ADOPTED, "decided_at": now}
    elif method == Method.MEETING_VOTE:
        counts = validate_tallies(
            votes_for=votes_for, votes_against=votes_against, abstentions=abstentions
        )
        values |= {
            "votes_for": counts[0],
            "votes_against": counts[1],
            "abstentions": counts[2],
            # Adopted when more voted for than against (abstentions do not count).
            "result": Result.ADOPTED if counts[0] > counts[1] else Result.NOT_ADOPTED,
            "decided_at": now,
        }
    elif method == Method.ONLINE_VOTE:
        validate_window(opens_at=vote_opens_at, closes_at=vote_closes_at, now=now)
        values |= {
            "meeting": None,
            "vote_opens_at": vote_opens_at,
            "vote_closes_at": vote_closes_at,
            "result": Result.PENDING,
        }
    else:
        raise InvalidInput(_("Choose how it was decided."), field="method")
    _check_order(recommendation, amendment)
    try:
        with transaction.atomic():
            adoption = Adoption.objects.create(
                recommendation=recommendation, amendment=amendment, recorded_by=by, **values
            )
    except IntegrityError:
        raise AlreadyDecided() from None
    if adoption.result != Result.PENDING:
        _apply(adoption)
    record(
        actor=by,
        verb="recommendations.adoption_recorded",
        target=recommendation.workshop,
        data={
            "title": recommendation.title,
            "method": adoption.method,
            "amendment": amendment is not None,
        },
    )
    return adoption


def _apply(adoption: Adoption) -> None:
    """What a decided adoption changes: its recommendation's status, or, for an adopted
    amendment, a new version of the recommendation with the amendment's text."""
    if adoption.amendment_id is None:
        status = Status.ADOPTED if adoption.result == Result.ADOPTED else Status.NOT_ADOPTED
        Recommendation.objects.filter(
            pk=adoption.recommendation_id, status=Status.SUBMITTED
        ).update(status=status, updated_at=timezone.now())
        return
    if adoption.result != Result.ADOPTED:
        return
    amendment = Amendment.objects.get(pk=adoption.amendment_id)
    current = Recommendation.objects.select_for_update().get(pk=adoption.recommendation_id)
    number = version_add(current, by_id=amendment.author_id, text=amendment.text)
    Amendment.objects.filter(pk=amendment.pk).update(made_version=number)


# --- Online vote ----------------------------------------------------------------------------


@transaction.atomic
def ballot_cast(*, adoption: Adoption, by: User, choice: str) -> Ballot:
    """One vote of a participant: who voted is inserted (once, by the unique constraint), what
    they voted only increments a tally, in the same transaction, while the window is open by
    the database's clock. Nothing keeps which choice a person made."""
    if choice not in _TALLY:
        raise InvalidInput(_("Choose for, against or abstain."), field="choice")
    workshop_id = Recommendation.objects.filter(pk=adoption.recommendation_id).values_list(
        "workshop_id", flat=True
    )[0]
    if not by.is_authenticated or not by.participations.filter(workshop_id=workshop_id).exists():
        raise NotAVoter()
    try:
        with transaction.atomic():
            ballot = Ballot.objects.create(adoption_id=adoption.pk, user=by)
    except IntegrityError:
        raise AlreadyVoted() from None
    tally = _TALLY[choice]
    counted = Adoption.objects.filter(
        pk=adoption.pk,
        method=Method.ONLINE_VOTE,
        result=Result.PENDING,
        vote_opens_at__lte=Now(),
        vote_closes_at__gt=Now(),
    ).update(**{tally: F(tally) + 1})
    if not counted:
        # Why: read against the same clock. The ballot is rolled back with the transaction.
        early = Adoption.objects.filter(pk=adoption.pk, vote_opens_at__gt=Now()).exists()
        raise VoteNotOpen() if early else VoteClosed()
    record(
        actor=by,
        verb="recommendations.ballot_cast",
        target=adoption.recommendation.workshop,
        data={"title": adoption.recommendation.title},
    )
    return ballot


def adoption_settle(adoption: Adoption) -> bool:
    """Freeze an online vote's result once its window has closed (by the database's clock),
    from its tallies, in one conditional UPDATE: True when this call settled it. A ballot
    being counted at that moment holds the row: the UPDATE then reads its tally."""
    if adoption.method != Method.ONLINE_VOTE or adoption.result != Result.PENDING:
        return False
    # Not closed yet by this server's clock: no write attempted (the database decides below).
    if adoption.vote_closes_at is not None and adoption.vote_closes_at > timezone.now():
        return False
    with transaction.atomic():
        settled = Adoption.objects.filter(
            pk=adoption.pk, result=Result.PENDING, vote_closes_at__lte=Now()
        ).update(
            result=Case(
                When(votes_for__gt=F("votes_against"), then=Value(Result.ADOPTED)),
                default=Value(Result.NOT_ADOPTED),
            ),
            decided_at=Now(),
        )
        if not settled:
            return False
        adoption.refresh_from_db(
            fields=["result", "decided_at", "votes_for", "votes_against", "abstentions"]
        )
        _apply(adoption)
        content_changed()
    return True


# --- Dissents -------------------------------------------------------------------------------


def validate_dissent(*, text: str, held_by: str = "") -> tuple[str, str]:
    errors = Collected()
    cleaned = checked_text(
        errors, text, field="text", longest=MAX_DISSENT, missing=_("Write the dissenting opinion.")
    )
    try:
        holder = clean_name(held_by, field="held_by").strip() if (held_by or "").strip() else ""
    except InvalidInput as error:
        errors.add("held_by", error.messages[0])
        holder = ""
    if len(holder) > MAX_HELD_BY:
        errors.add("held_by", _("At most %(most)s characters.") % {"most": MAX_HELD_BY})
    errors.raise_if_any()
    return cleaned, holder


@transaction.atomic
def dissent_record(*, adoption: Adoption, by: User, text: str, held_by: str = "") -> Dissent:
    cleaned, holder = validate_dissent(text=text, held_by=held_by)
    dissent = Dissent.objects.create(
        adoption=adoption, text=cleaned, held_by=holder, recorded_by=by
    )
    record(
        actor=by,
        verb="recommendations.dissent_recorded",
        target=adoption.recommendation.workshop,
        data={"title": adoption.recommendation.title},
    )
    return dissent
