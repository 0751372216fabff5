"""The adoption: opening it freezes the drafts, each recommendation and amendment put to the
vote is decided once, an online vote keeps who voted apart from what, dissents are recorded."""

import pytest
from django.db import connection
from django.utils import timezone

from ateliers.activity.models import Action
from ateliers.core.errors import ApplicationError, InvalidInput
from ateliers.recommendations import adoption, services
from ateliers.recommendations.models import (
    Adoption,
    AdoptionOpening,
    Ballot,
    Dissent,
    Recommendation,
    RecommendationVersion,
)
from tests.factories import MeetingFactory, ParticipationFactory, UserFactory

from .adoption_helpers import HOUR, amendment_to_vote, drafted, online_vote, opened, team_member

pytestmark = pytest.mark.django_db
Status = Recommendation.Status


def test_opening_submits_every_draft_at_once_and_only_once():
    first, second = drafted(number=2)
    workshop = first.workshop
    by = opened(workshop)

    assert set(Recommendation.objects.values_list("status", flat=True)) == {Status.SUBMITTED}
    assert AdoptionOpening.objects.get().opened_by == by
    with pytest.raises(adoption.AdoptionAlreadyOpen, match="already open"):
        adoption.adoption_open(workshop=workshop, by=by)
    assert AdoptionOpening.objects.count() == 1
    assert Action.objects.filter(verb="recommendations.adoption_opened", public=True).count() == 1


def test_once_open_nothing_is_edited_nor_drafted_nor_coauthored():
    (recommendation,) = drafted()
    author = recommendation.authors.get().user
    opened(recommendation.workshop)
    with pytest.raises(services.NoLongerADraft):
        services.recommendation_edit(
            recommendation=recommendation,
            by=author,
            title="Autre",
            text="Autre.",
            general_interest="Tous.",
        )
    with pytest.raises(services.NoLongerADraft):
        services.coauthor_add(
            recommendation=recommendation,
            user=ParticipationFactory(workshop=recommendation.workshop).user,
            by=author,
        )
    with pytest.raises(ApplicationError, match="no recommendation can be drafted"):
        drafted(recommendation.workshop, title="Tard")
    assert Recommendation.objects.count() == 1
    assert recommendation.authors.count() == 1


def test_recording_needs_the_adoption_open():
    (recommendation,) = drafted()
    with pytest.raises(adoption.AdoptionNotOpen):
        adoption.adoption_record(
            recommendation=recommendation,
            by=team_member(recommendation.workshop),
            method=Adoption.Method.CONSENSUS,
            adopted=True,
        )
    assert not Adoption.objects.exists()


def test_a_consensus_in_a_meeting_decides_the_recommendation():
    (recommendation,) = drafted()
    by = opened(recommendation.workshop)
    meeting = MeetingFactory(workshop=recommendation.workshop)

    decided = adoption.adoption_record(
        recommendation=recommendation,
        by=by,
        method=Adoption.Method.CONSENSUS,
        adopted=True,
        meeting=meeting,
    )

    assert decided.result == Adoption.Result.ADOPTED
    assert decided.meeting == meeting
    assert Recommendation.objects.get().status == Status.ADOPTED
    with pytest.raises(adoption.AlreadyDecided, match="already recorded"):
        adoption.adoption_record(
            recommendation=recommendation, by=by, method=Adoption.Method.CONSENSUS, adopted=False
        )
    assert Adoption.objects.count() == 1


def test_another_workshops_meeting_is_refused():
    (recommendation,) = drafted()
    by = opened(recommendation.workshop)
    with pytest.raises(InvalidInput, match="workshop's meetings"):
        adoption.adoption_record(
            recommendation=recommendation,
            by=by,
            method=Adoption.Method.CONSENSUS,
            adopted=True,
            meeting=MeetingFactory(),
        )
    assert not Adoption.objects.exists()


@pytest.mark.parametrize(
    ("votes", "result", "status"),
    [
        ((12, 3, 4), Adoption.Result.ADOPTED, Status.ADOPTED),
        ((5, 5, 9), Adoption.Result.NOT_ADOPTED, Status.NOT_ADOPTED),
        ((0, 1, 0), Adoption.Result.NOT_ADOPTED, Status.NOT_ADOPTED),
    ],
)
def test_a_vote_in_a_meeting_is_adopted_when_more_voted_for_than_against(votes, result, status):
    (recommendation,) = drafted()
    by = opened(recommendation.workshop)
    decided = adoption.adoption_record(
        recommendation=recommendation,
        by=by,
        method=Adoption.Method.MEETING_VOTE,
        votes_for=votes[0],
        votes_against=votes[1],
        abstentions=votes[2],
    )
    assert (decided.votes_for, decided.votes_against, decided.abstentions) == votes
    assert decided.result == result
    assert Recommendation.objects.get().status == status


@pytest.mark.parametrize(
    ("votes", "field", "message"),
    [
        ((-1, 2, 0), "votes_for", "cannot be negative"),
        (("douze", 2, 0), "votes_for", "whole number"),
        ((3, None, 0), "votes_against", "Give a number"),
        ((0, 0, 0), None, "Nobody voted"),
    ],
)
def test_bad_tallies_get_a_clear_message_and_write_nothing(votes, field, message):
    (recommendation,) = drafted()
    by = opened(recommendation.workshop)
    with pytest.raises(InvalidInput) as refused:
        adoption.adoption_record(
            recommendation=recommendation,
            by=by,
            method=Adoption.Method.MEETING_VOTE,
            votes_for=votes[0],
            votes_against=votes[1],
            abstentions=votes[2],
        )
    assert message in " ".join(refused.value.errors[field])
    assert not Adoption.objects.exists()
    assert Recommendation.objects.get().status == Status.SUBMITTED


def test_an_online_vote_needs_a_window_that_closes_after_it_opens_and_in_the_future():
    (recommendation,) = drafted()
    by = opened(recommendation.workshop)
    now = timezone.now()
    for opens, closes, message in [
        (None, now + HOUR, "Say when the vote opens"),
        (now + 2 * HOUR, now + HOUR, "close after it opens"),
        (now - 3 * HOUR, now - HOUR, "close in the future"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            adoption.adoption_record(
                recommendation=recommendation,
                by=by,
                method=Adoption.Method.ONLINE_VOTE,
                vote_opens_at=opens,
                vote_closes_at=closes,
            )
    assert not Adoption.objects.exists()
    pending = adoption.adoption_record(
        recommendation=recommendation,
        by=by,
        method=Adoption.Method.ONLINE_VOTE,
        vote_opens_at=now,
        vote_closes_at=now + HOUR,
    )
    assert pending.result == Adoption.Result.PENDING
    assert Recommendation.objects.get().status == Status.SUBMITTED


def test_an_adopted_amendment_becomes_a_new_version_by_its_author():
    (recommendation,) = drafted()
    amendment = amendment_to_vote(recommendation)
    by = opened(recommendation.workshop)

    with pytest.raises(adoption.AmendmentsFirst, match="amendments put to the vote"):
        adoption.adoption_record(
            recommendation=recommendation, by=by, method=Adoption.Method.CONSENSUS, adopted=True
        )
    adoption.adoption_record(
        recommendation=recommendation,
        amendment=amendment,
        by=by,
        method=Adoption.Method.MEETING_VOTE,
        votes_for=8,
        votes_against=2,
        abstentions=1,
    )

    recommendation.refresh_from_db()
    assert (recommendation.version, recommendation.text) == (2, "Sous les tilleuls.")
    assert recommendation.status == Status.SUBMITTED
    version = RecommendationVersion.objects.get(recommendation=recommendation, number=2)
    assert (version.text, version.edited_by) == ("Sous les tilleuls.", amendment.author)
    # Then the recommendation, as amended.
    adoption.adoption_record(
        recommendation=recommendation, by=by, method=Adoption.Method.CONSENSUS, adopted=True
    )
    assert Recommendation.objects.get().status == Status.ADOPTED


def test_a_rejected_amendment_changes_nothing_and_none_is_decided_after_its_recommendation():
    (recommendation,) = drafted()
    first = amendment_to_vote(recommendation)
    by = opened(recommendation.workshop)
    adoption.adoption_record(
        recommendation=recommendation,
        amendment=first,
        by=by,
        method=Adoption.Method.CONSENSUS,
        adopted=False,
    )
    adoption.adoption_record(
        recommendation=recommendation, by=by, method=Adoption.Method.CONSENSUS, adopted=True
    )
    late = amendment_to_vote(recommendation, text="Plus tard.")
    with pytest.raises(adoption.RecommendationAlreadyDecided, match="already decided"):
        adoption.adoption_record(
            recommendation=recommendation,
            amendment=late,
            by=by,
            method=Adoption.Method.CONSENSUS,
            adopted=True,
        )
    recommendation.refresh_from_db()
    assert (recommendation.version, recommendation.text) == (1, "Sous les platanes.")


def test_a_participant_votes_once_and_nothing_keeps_what_they_voted():
    (recommendation,) = drafted()
    opened(recommendation.workshop)
    vote = online_vote(recommendation)
    voter = ParticipationFactory(workshop=recommendation.workshop).user

    adoption.ballot_cast(adoption=vote, by=voter, choice="against")
    with pytest.raises(adoption.AlreadyVoted, match="already voted"):
        adoption.ballot_cast(adoption=vote, by=voter, choice="for")

    vote.refresh_from_db()
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (0, 1, 0)
    assert Ballot.objects.count() == 1
    # The ballot's table has who and in which vote, nothing else: no choice, no time.
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, Ballot._meta.db_table
            )
        }
    assert columns == {"id", "adoption_id", "user_id"}
    # The log says who voted, not what.
    action = Action.objects.get(verb="recommendations.ballot_cast")
    assert "against" not in str(action.data) and "for" not in action.data


@pytest.mark.parametrize(
    ("opens", "closes", "refusal"),
    [(HOUR, 2 * HOUR, adoption.VoteNotOpen), (-2 * HOUR, -HOUR, adoption.VoteClosed)],
)
def test_a_vote_outside_the_window_is_refused(opens, closes, refusal):
    (recommendation,) = drafted()
    opened(recommendation.workshop)
    vote = online_vote(recommendation, opens=opens, closes=closes)
    with pytest.raises(refusal):
        adoption.ballot_cast(
            adoption=vote,
            by=ParticipationFactory(workshop=recommendation.workshop).user,
            choice="for",
        )
    assert not Ballot.objects.exists()
    vote.refresh_from_db()
    assert vote.votes_for == 0


def test_someone_who_does_not_take_part_cannot_vote():
    (recommendation,) = drafted()
    opened(recommendation.workshop)
    vote = online_vote(recommendation)
    for person in (UserFactory(), team_member(recommendation.workshop)):
        with pytest.raises(adoption.NotAVoter):
            adoption.ballot_cast(adoption=vote, by=person, choice="for")
    assert not Ballot.objects.exists()


def test_a_closed_vote_is_settled_once_from_its_tallies():
    (recommendation,) = drafted()
    opened(recommendation.workshop)
    vote = online_vote(recommendation)
    for choice in ("for", "for", "against", "abstain"):
        adoption.ballot_cast(
            adoption=vote,
            by=ParticipationFactory(workshop=recommendation.workshop).user,
            choice=choice,
        )
    assert adoption.adoption_settle(Adoption.objects.get()) is False  # still open
    Adoption.objects.filter(pk=vote.pk).update(vote_closes_at=timezone.now() - HOUR / 60)

    assert adoption.adoption_settle(Adoption.objects.get()) is True
    assert adoption.adoption_settle(Adoption.objects.get()) is False
    vote.refresh_from_db()
    assert vote.result == Adoption.Result.ADOPTED and vote.decided_at is not None
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (2, 1, 1)
    assert Recommendation.objects.get().status == Status.ADOPTED


def test_a_closed_vote_on_an_amendment_applies_it_when_adopted():
    (recommendation,) = drafted()
    amendment = amendment_to_vote(recommendation)
    opened(recommendation.workshop)
    vote = online_vote(recommendation, amendment=amendment)
    adoption.ballot_cast(
        adoption=vote, by=ParticipationFactory(workshop=recommendation.workshop).user, choice="for"
    )
    Adoption.objects.filter(pk=vote.pk).update(vote_closes_at=timezone.now() - HOUR / 60)
    adoption.adoption_settle(Adoption.objects.get())
    recommendation.refresh_from_db()
    assert (recommendation.version, recommendation.text) == (2, amendment.text)
    assert recommendation.status == Status.SUBMITTED


def test_a_dissent_is_required_bounded_and_cleaned():
    (recommendation,) = drafted()
    by = opened(recommendation.workshop)
    decided = adoption.adoption_record(
        recommendation=recommendation, by=by, method=Adoption.Method.CONSENSUS, adopted=True
    )
    for text, message in [
        ("   ", "Write the dissenting opinion"),
        ("x" * 3001, "At most 3,000"),
        ("abc\u202edef", "reverse the text direction"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            adoption.dissent_record(adoption=decided, by=by, text=text)
    assert not Dissent.objects.exists()
    dissent = adoption.dissent_record(
        adoption=decided, by=by, text="  Trop cher.  ", held_by="Trois participants"
    )
    assert (dissent.text, dissent.held_by) == ("Trop cher.", "Trois participants")
