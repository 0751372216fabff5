"""The adoption's pages: the team opens it after a confirmation and records decisions, a
participant votes with plain forms, everyone reads the results; the page's queries do not grow
with the number of recommendations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ateliers.recommendations import adoption
from ateliers.recommendations.models import Adoption, AdoptionOpening, Ballot, Recommendation
from tests.factories import ParticipationFactory
from tests.roles import log_in

from .adoption_helpers import HOUR, amendment_to_vote, drafted, online_vote, opened

pytestmark = pytest.mark.django_db


def page_of(workshop) -> str:
    return reverse("recommendations:adoption", args=[workshop.slug])


def test_opening_is_confirmed_first_and_says_what_will_be_decided(client):
    recommendations = drafted(number=3)
    amendment_to_vote(recommendations[0])
    workshop = recommendations[0].workshop
    log_in(client, "facilitator", workshops=[workshop])
    url = reverse("recommendations:adoption_open", args=[workshop.slug])

    page = client.get(url).content.decode()
    assert "3 recommendations will be frozen" in page
    assert "1 amendment put to the vote" in page
    assert "cannot be undone" in page
    refused = client.post(url, {})
    assert "Tick the box to confirm" in refused.content.decode()
    assert not AdoptionOpening.objects.exists()

    response = client.post(url, {"confirm": "on"}, follow=True)
    assert "The adoption is open" in response.content.decode()
    assert set(Recommendation.objects.values_list("status", flat=True)) == {"submitted"}
    again = client.post(url, {"confirm": "on"}, follow=True)
    assert "already open" in again.content.decode()


@pytest.mark.parametrize("role", ["other_facilitator", "elected", "participant", "resident"])
def test_only_the_team_opens_and_records(client, role):
    (recommendation,) = drafted()
    workshop = recommendation.workshop
    log_in(client, role, workshops=[workshop])
    assert (
        client.post(
            reverse("recommendations:adoption_open", args=[workshop.slug]), {"confirm": "on"}
        ).status_code
        == 403
    )
    opened(workshop)
    record = reverse("recommendations:adoption_record", args=[recommendation.pk])
    answers = {"method": "consensus", "adopted": "yes", "confirm": "on"}
    assert client.post(record, answers).status_code == 403
    assert not Adoption.objects.exists()


def test_the_team_records_a_meeting_vote_and_the_rule_is_on_the_page(client):
    (recommendation,) = drafted()
    workshop = recommendation.workshop
    opened(workshop)
    log_in(client, "facilitator", workshops=[workshop])
    record = reverse("recommendations:adoption_record", args=[recommendation.pk])
    assert "more voted for than against" in client.get(record).content.decode()

    bad = client.post(record, {"method": "meeting_vote", "votes_for": "-3", "confirm": "on"})
    assert bad.status_code == 200 and not Adoption.objects.exists()

    response = client.post(
        record,
        {
            "method": "meeting_vote",
            "votes_for": "9",
            "votes_against": "4",
            "abstentions": "2",
            "confirm": "on",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "9 for, 4 against, 2 abstentions" in page
    assert Recommendation.objects.get().status == "adopted"
    detail = client.get(recommendation.get_absolute_url()).content.decode()
    assert "9 for, 4 against, 2 abstentions" in detail


def test_a_participant_votes_with_a_plain_form_and_sees_no_tallies_until_the_close(client):
    (recommendation,) = drafted()
    workshop = recommendation.workshop
    opened(workshop)
    vote = online_vote(recommendation)
    for _ in range(2):
        adoption.ballot_cast(
            adoption=vote, by=ParticipationFactory(workshop=workshop).user, choice="against"
        )
    log_in(client, "participant", workshops=[workshop])

    page = client.get(page_of(workshop)).content.decode()
    assert 'value="for"' in page and "2 participants have voted so far" in page
    assert "against, " not in page  # no tallies while the vote runs
    response = client.post(
        reverse("recommendations:adoption_vote", args=[vote.pk]), {"choice": "for"}, follow=True
    )
    page = response.content.decode()
    assert "Your vote is counted" in page and "You voted." in page
    assert 'value="for"' not in page
    assert Ballot.objects.count() == 3
    # Frozen for adoption on the recommendation's page.
    assert "Frozen for adoption" in client.get(recommendation.get_absolute_url()).content.decode()


def test_a_closed_vote_is_settled_when_its_page_is_read(client):
    (recommendation,) = drafted()
    opened(recommendation.workshop)
    vote = online_vote(recommendation)
    adoption.ballot_cast(
        adoption=vote,
        by=ParticipationFactory(workshop=recommendation.workshop).user,
        choice="for",
    )
    Adoption.objects.filter(pk=vote.pk).update(vote_closes_at=timezone.now() - HOUR / 60)
    page = client.get(page_of(recommendation.workshop)).content.decode()
    assert "1 for, 0 against, 0 abstentions" in page
    assert Recommendation.objects.get().status == "adopted"


def test_a_dissent_shows_next_to_the_result(client):
    (recommendation,) = drafted()
    by = opened(recommendation.workshop)
    decided = adoption.adoption_record(
        recommendation=recommendation, by=by, method=Adoption.Method.CONSENSUS, adopted=False
    )
    client.force_login(by)
    url = reverse("recommendations:adoption_dissent", args=[decided.pk])
    form = client.get(url).content.decode()
    key = form.split('name="submission_key" value="')[1].split('"')[0]
    client.post(url, {"text": "Nous voulions *plus*.", "held_by": "Deux", "submission_key": key})
    page = client.get(page_of(recommendation.workshop)).content.decode()
    assert "<em>plus</em>" in page and "— Deux" in page


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def a_workshop_decided(number):
    recommendations = drafted(number=number)
    workshop = recommendations[0].workshop
    for recommendation in recommendations:
        amendment_to_vote(recommendation)
    by = opened(workshop)
    for index, recommendation in enumerate(recommendations):
        if index % 2:
            online_vote(recommendation)
            continue
        decided = adoption.adoption_record(
            recommendation=recommendation,
            by=by,
            amendment=recommendation.amendments.get(),
            method=Adoption.Method.CONSENSUS,
            adopted=False,
        )
        adoption.dissent_record(adoption=decided, by=by, text="Dommage.")
    return workshop


@pytest.mark.parametrize("who", ["anonymous", "participant", "facilitator"])
def test_the_adoption_page_asks_as_many_queries_for_5_and_50_recommendations(client, who):
    few, many = a_workshop_decided(5), a_workshop_decided(50)
    person = log_in(client, who, workshops=[few, many])
    del person
    assert queries(client, page_of(few)) == queries(client, page_of(many))
