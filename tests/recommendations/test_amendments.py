"""Amendments through their services: who proposes, who answers, what each answer makes, and
each refusal with its message (and nothing written)."""

import pytest

from ateliers.activity.models import Action
from ateliers.core.errors import ApplicationError, InvalidInput
from ateliers.recommendations import amendments, services
from ateliers.recommendations.models import (
    Amendment,
    AmendmentStatus,
    Recommendation,
    RecommendationVersion,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEXT = "Installer des *bancs* sous les platanes."


@pytest.fixture
def recommendation(workshop, author):
    return services.recommendation_draft(
        workshop=workshop,
        by=author,
        title="Des bancs",
        text=TEXT,
        general_interest="Se reposer en été.",
        cost_note="800 € par banc.",
    )


def propose(recommendation, by, text="Installer des *bancs* et des fontaines.", reason="L'été."):
    return amendments.amendment_propose(
        recommendation=recommendation, by=by, text=text, reason=reason
    )


def test_a_proposed_amendment_is_pending_against_the_current_version(recommendation, proposer):
    amendment = propose(recommendation, proposer, text="  Des bancs partout.\n", reason=" Ombre ")

    assert amendment.status == AmendmentStatus.PENDING
    assert amendment.base_version == 1
    assert (amendment.text, amendment.reason) == ("Des bancs partout.", "Ombre")
    action = Action.objects.get(verb="recommendations.amendment_proposed")
    assert action.public and action.actor == proposer


@pytest.mark.parametrize(
    ("text", "reason", "field", "message"),
    [
        ("", "Pourquoi pas.", "text", "Write something here."),
        ("Un texte.", "   ", "reason", "Write something here."),
        ("x" * 10_001, "Pourquoi pas.", "text", "At most 10,000 characters"),
        ("Un texte.", "x" * 3_001, "reason", "At most 3,000 characters"),
        ("Un \u202etexte.", "Pourquoi pas.", "text", "reverse the text direction"),
        (TEXT, "Pourquoi pas.", "text", "the same as the recommendation's current text"),
        (f"  {TEXT}\n", "Pourquoi pas.", "text", "the same as the recommendation's current text"),
    ],
)
def test_a_bad_proposal_is_refused_with_its_reason_and_writes_nothing(
    recommendation, proposer, text, reason, field, message
):
    with pytest.raises(ApplicationError) as refused:
        propose(recommendation, proposer, text=text, reason=reason)

    assert message in " ".join(refused.value.errors[field])
    assert not Amendment.objects.exists()


def test_nothing_is_proposed_once_the_recommendation_is_no_longer_a_draft(recommendation, proposer):
    Recommendation.objects.filter(pk=recommendation.pk).update(
        status=Recommendation.Status.SUBMITTED
    )
    with pytest.raises(services.NoLongerADraft):
        propose(recommendation, proposer)
    assert not Amendment.objects.exists()


def test_an_accepted_amendment_makes_the_next_version_written_by_its_author(
    recommendation, author, proposer
):
    amendment = propose(recommendation, proposer)

    accepted = amendments.amendment_accept(amendment=amendment, by=author)

    recommendation.refresh_from_db()
    assert recommendation.version == 2 and recommendation.text == amendment.text
    assert accepted.status == AmendmentStatus.ACCEPTED and accepted.made_version == 2
    assert accepted.answered_by == author and accepted.answered_at is not None
    version = RecommendationVersion.objects.get(recommendation=recommendation, number=2)
    assert version.text == amendment.text and version.edited_by == proposer
    # The other fields stay as they were.
    assert (version.title, version.cost_note) == ("Des bancs", "800 € par banc.")
    assert Action.objects.filter(verb="recommendations.amendment_accepted").count() == 1


def test_every_accepted_amendment_makes_a_version(recommendation, author, proposer):
    for index in range(3):
        amendment = propose(recommendation, proposer, text=f"Texte n° {index}.")
        amendments.amendment_accept(amendment=amendment, by=author)

    recommendation.refresh_from_db()
    assert recommendation.version == 4
    assert list(recommendation.versions.order_by("number").values_list("number", "text")) == [
        (1, TEXT),
        (2, "Texte n° 0."),
        (3, "Texte n° 1."),
        (4, "Texte n° 2."),
    ]


def test_only_an_author_answers(recommendation, proposer):
    amendment = propose(recommendation, proposer)
    for person in (proposer, UserFactory()):
        with pytest.raises(ApplicationError, match="Only the authors"):
            amendments.amendment_accept(amendment=amendment, by=person)
        with pytest.raises(ApplicationError, match="Only the authors"):
            amendments.amendment_reject(amendment=amendment, by=person, reason="Non.")
    assert Amendment.objects.get().status == AmendmentStatus.PENDING


def test_an_answered_amendment_cannot_be_answered_again(recommendation, author, proposer):
    amendment = propose(recommendation, proposer)
    amendments.amendment_reject(amendment=amendment, by=author, reason="Trop cher.")

    with pytest.raises(amendments.AlreadyAnswered, match="already answered"):
        amendments.amendment_accept(amendment=amendment, by=author)
    with pytest.raises(amendments.AlreadyAnswered):
        amendments.amendment_reject(amendment=amendment, by=author, reason="Encore.")

    recommendation.refresh_from_db()
    assert recommendation.version == 1
    assert Amendment.objects.get().answer == "Trop cher."


@pytest.mark.parametrize("reason", ["", "   ", "\u200b"])
def test_a_rejection_needs_its_reason(recommendation, author, proposer, reason):
    amendment = propose(recommendation, proposer)

    with pytest.raises(InvalidInput) as refused:
        amendments.amendment_reject(amendment=amendment, by=author, reason=reason)

    assert "Say why the amendment is rejected" in refused.value.errors["reason"][0]
    assert Amendment.objects.get().status == AmendmentStatus.PENDING


def test_no_answer_once_the_recommendation_is_frozen(recommendation, author, proposer):
    amendment = propose(recommendation, proposer)
    Recommendation.objects.filter(pk=recommendation.pk).update(
        status=Recommendation.Status.SUBMITTED
    )
    with pytest.raises(services.NoLongerADraft):
        amendments.amendment_accept(amendment=amendment, by=author)
    with pytest.raises(services.NoLongerADraft):
        amendments.amendment_reject(amendment=amendment, by=author, reason="Non.")
    assert Amendment.objects.get().status == AmendmentStatus.PENDING


def rejected(recommendation, author, proposer):
    amendment = propose(recommendation, proposer)
    return amendments.amendment_reject(amendment=amendment, by=author, reason="Trop cher.")


def test_its_author_puts_a_rejected_amendment_to_the_adoption_once(
    recommendation, author, proposer
):
    amendment = rejected(recommendation, author, proposer)

    assert amendments.amendment_put_to_vote(amendment=amendment, by=proposer).put_to_vote
    with pytest.raises(amendments.AlreadyPutToVote, match="already put to the adoption"):
        amendments.amendment_put_to_vote(amendment=amendment, by=proposer)
    assert Action.objects.filter(verb="recommendations.amendment_put_to_vote").count() == 1


def test_the_workshops_team_may_put_it_to_the_adoption(workshop, recommendation, author, proposer):
    amendment = rejected(recommendation, author, proposer)
    facilitator = workshop.facilitators.first() or UserFactory(role="facilitator")
    workshop.facilitators.add(facilitator)

    assert amendments.amendment_put_to_vote(amendment=amendment, by=facilitator).put_to_vote


def test_no_one_else_puts_it_to_the_adoption(recommendation, author, proposer):
    amendment = rejected(recommendation, author, proposer)
    for person in (author, UserFactory()):
        with pytest.raises(ApplicationError, match="Only the amendment's author"):
            amendments.amendment_put_to_vote(amendment=amendment, by=person)
    assert not Amendment.objects.get().put_to_vote


def test_only_a_rejected_amendment_of_a_draft_goes_to_the_adoption(
    recommendation, author, proposer
):
    pending = propose(recommendation, proposer)
    with pytest.raises(amendments.NotRejected):
        amendments.amendment_put_to_vote(amendment=pending, by=proposer)
    refused = amendments.amendment_reject(amendment=pending, by=author, reason="Non.")
    Recommendation.objects.filter(pk=recommendation.pk).update(
        status=Recommendation.Status.SUBMITTED
    )
    with pytest.raises(services.NoLongerADraft):
        amendments.amendment_put_to_vote(amendment=refused, by=proposer)
    assert not Amendment.objects.filter(put_to_vote=True).exists()
