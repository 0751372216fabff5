"""On a workshop's recommendations page, who cannot draft reads why instead of nothing."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def page(client, workshop) -> str:
    response = client.get(reverse("recommendations:of_workshop", args=[workshop.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_participant_in_the_phase_gets_the_button_and_no_reason(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    client.force_login(ParticipationFactory(workshop=workshop).user)
    body = page(client, workshop)
    assert "Draft a recommendation" in body and "why-not-draft" not in body


def test_a_visitor_is_asked_to_log_in(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    body = page(client, workshop)
    assert "to draft a recommendation, if you take part" in body
    assert reverse("account_login") + "?next=" in body


def test_someone_who_does_not_take_part_is_sent_to_the_workshop(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    client.force_login(UserFactory())
    body = page(client, workshop)
    assert "Only the workshop's participants draft recommendations" in body
    assert f'href="{workshop.get_absolute_url()}"' in body


def test_before_the_phase_its_dates_are_given(client):
    workshop = WorkshopFactory(phase=PhaseKind.DEBATE)
    client.force_login(ParticipationFactory(workshop=workshop).user)
    body = page(client, workshop)
    assert "during the recommendations phase, from" in body
    assert "Draft a recommendation" not in body


def test_after_the_phase_it_says_it_ended(client):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    phase = workshop.phases.get(kind=PhaseKind.RECOMMENDATIONS)
    with time_machine.travel(phase.ends_at + datetime.timedelta(hours=1)):
        body = page(client, workshop)
    assert "The recommendations phase ended on" in body
