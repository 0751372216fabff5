"""A form that creates something does it once, however many times it is sent: a double click
on "Save as draft" or "Send the proposal" makes one draft, one proposal."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from ateliers.core.errors import InvalidInput
from ateliers.core.models import SubmissionKey
from ateliers.core.once import AlreadySubmitted, submit_once
from ateliers.councils.models import Council
from ateliers.proposals import services as proposals
from ateliers.proposals.models import WorkshopProposal
from ateliers.workshops.models import Workshop
from tests import concurrency
from tests.factories import NeighbourhoodFactory
from tests.french import french
from tests.workshops.manage_data import contiguous_phases, next_month_start, workshop_form_data

ALREADY_SENT = "This form had already been sent: it was not sent a second time."
CREATE_URL = reverse("workshops:create")


def key_in(response) -> str:
    """The one-time key the page's form carries."""
    match = re.search(
        r'<input type="hidden" name="submission_key" value="([0-9a-f-]{36})"',
        response.content.decode(),
    )
    assert match, "no submission_key in the form"
    return match.group(1)


def workshop_data(neighbourhood, key: str) -> dict:
    data = workshop_form_data(
        neighbourhood=neighbourhood, phases=contiguous_phases(next_month_start())
    )
    return {**data, "submission_key": key}


def proposal_data(key: str) -> dict:
    return {
        "kind": "city",
        "title": "Une rue aux écoles",
        "rationale": "Les abords de l'école sont dangereux.",
        "submission_key": key,
    }


def messages_on(client, response) -> str:
    return client.get(response["Location"]).content.decode()


# The workshop form


@pytest.mark.django_db
def test_each_new_workshop_form_carries_a_new_key(client, facilitator):
    client.force_login(facilitator)

    first, second = key_in(client.get(CREATE_URL)), key_in(client.get(CREATE_URL))

    assert uuid.UUID(first) and uuid.UUID(second)
    assert first != second


@pytest.mark.django_db
def test_a_workshop_form_sent_twice_makes_one_draft(client, facilitator):
    client.force_login(facilitator)
    data = workshop_data(NeighbourhoodFactory(), key_in(client.get(CREATE_URL)))

    first = client.post(CREATE_URL, data)
    second = client.post(CREATE_URL, data)

    assert Workshop.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"] == reverse("workshops:manage")
    page = messages_on(client, second)
    assert french(ALREADY_SENT) in page


@pytest.mark.django_db
def test_the_form_shown_again_after_an_error_keeps_its_key(client, facilitator):
    client.force_login(facilitator)
    key = key_in(client.get(CREATE_URL))
    data = workshop_data(NeighbourhoodFactory(), key)

    corrected = client.post(CREATE_URL, {**data, "objective": ""})
    assert corrected.status_code == 200
    assert key_in(corrected) == key
    client.post(CREATE_URL, data)
    client.post(CREATE_URL, data)

    assert Workshop.objects.count() == 1


@pytest.mark.django_db
def test_two_forms_make_two_drafts(client, facilitator):
    client.force_login(facilitator)
    neighbourhood = NeighbourhoodFactory()

    for _ in range(2):
        client.post(CREATE_URL, workshop_data(neighbourhood, key_in(client.get(CREATE_URL))))

    assert Workshop.objects.count() == 2


# The proposal form


@pytest.mark.django_db
def test_a_proposal_sent_twice_is_sent_once(client, council, president):
    client.force_login(president)
    url = reverse("proposals:create", args=[council.slug])
    first_key, second_key = key_in(client.get(url)), key_in(client.get(url))
    assert first_key != second_key

    first = client.post(url, proposal_data(first_key))
    second = client.post(url, proposal_data(first_key))

    assert WorkshopProposal.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"] == council.get_absolute_url()
    assert french(ALREADY_SENT) in messages_on(client, second)


@pytest.mark.django_db
def test_a_refused_proposal_can_be_sent_again_with_the_same_key(
    client, council, president, monkeypatch
):
    """The claim of the key is undone with the refused work: the person may try again."""
    client.force_login(president)
    url = reverse("proposals:create", args=[council.slug])
    key = key_in(client.get(url))
    create = proposals.proposal_create

    def refuse_once(**kwargs):
        monkeypatch.setattr(proposals, "proposal_create", create)
        raise InvalidInput("Refusé cette fois.")

    monkeypatch.setattr(proposals, "proposal_create", refuse_once)

    refused = client.post(url, proposal_data(key))
    assert refused.status_code == 200
    assert "Refusé cette fois." in refused.content.decode()
    assert not SubmissionKey.objects.exists()

    accepted = client.post(url, proposal_data(key))
    assert accepted.status_code == 302
    assert WorkshopProposal.objects.count() == 1


# At the same instant, each on its own database connection


@pytest.mark.django_db(transaction=True)
def test_a_workshop_form_sent_twice_at_the_same_instant_makes_one_draft(facilitator):
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(facilitator)
    data = workshop_data(NeighbourhoodFactory(), key_in(clients[0].get(CREATE_URL)))
    answers = []

    def send(client):
        response = client.post(CREATE_URL, data)
        answers.append((response.status_code, response["Location"]))

    outcomes = concurrency.run_at_once(
        [lambda client=client: send(client) for client in clients], refusals=(), success="sent"
    )

    assert outcomes == ["sent", "sent"]
    assert answers == [(302, reverse("workshops:manage"))] * 2
    assert Workshop.objects.count() == 1
    assert SubmissionKey.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_proposal_sent_twice_at_the_same_instant_is_made_once(council, president):
    key = uuid.uuid4()

    def propose() -> str:
        proposals.proposal_create(
            council=council, submitted_by=president, kind="city", title="Une rue", rationale="."
        )
        return council.get_absolute_url()

    outcomes = concurrency.run_at_once(
        [lambda: submit_once(key=key, user=president, action=propose)] * 2,
        refusals=(AlreadySubmitted,),
        success="made",
    )

    assert sorted(outcomes) == ["AlreadySubmitted", "made"]
    assert WorkshopProposal.objects.count() == 1


@pytest.mark.django_db
def test_a_council_form_sent_twice_makes_one_council(client, city_staff):
    client.force_login(city_staff)
    url = reverse("councils:create")
    key = key_in(client.get(url))
    data = {"kind": "youth", "name": "Conseil des jeunes", "submission_key": key}

    first = client.post(url, data)
    second = client.post(url, data)

    assert Council.objects.filter(name="Conseil des jeunes").count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert french(ALREADY_SENT) in messages_on(client, second)
