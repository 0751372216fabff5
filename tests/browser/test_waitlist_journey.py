"""A training session's whole life in a real browser: staff plan it, a resident takes the
last seat, another is put on the waitlist and told their place, the first cancels, the
second gets the seat at once and an e-mail."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from ateliers.core.models import Role
from ateliers.trainings.models import SessionRegistration, TrainingSession
from tests.factories import TrainingFactory, UserFactory

from .conftest import check_page, log_in

pytestmark = pytest.mark.browser


def test_a_full_session_a_waitlist_a_cancellation_and_the_promotion(make_page):
    staff = UserFactory(role=Role.CITY_STAFF, display_name="Chloé Technicienne")
    alice = UserFactory(display_name="Alice Habitante")
    bruno = UserFactory(display_name="Bruno Voisin")
    training = TrainingFactory(title="Comprendre le budget communal")
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=10)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )

    # City staff plan a session with one seat.
    page = make_page(language="en")
    log_in(page, staff.email)
    page.goto(training.get_absolute_url())
    page.get_by_role("link", name="Plan a session").click()
    page.get_by_label("Starts at").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Duration (minutes)").fill("90")
    page.get_by_label("Seats").fill("1")
    page.get_by_label("Place").fill("Hôtel de ville")
    page.get_by_role("button", name="Plan the session").click()
    expect(page.get_by_text("The session is planned")).to_be_visible()
    session = TrainingSession.objects.get()

    # Alice takes the seat.
    alice_page = make_page(language="en")
    log_in(alice_page, alice.email)
    alice_page.goto(session.get_absolute_url())
    alice_page.get_by_role("link", name="Register").click()
    alice_page.get_by_role("button", name="Confirm my registration").click()
    expect(alice_page.get_by_text("You are registered", exact=False).first).to_be_visible()

    # Bruno finds it full and goes on the waitlist, told his place.
    bruno_page = make_page(language="en")
    log_in(bruno_page, bruno.email)
    bruno_page.goto(session.get_absolute_url())
    bruno_page.get_by_role("link", name="Join the waitlist").click()
    check_page(bruno_page)
    bruno_page.get_by_role("button", name="Join the waitlist").click()
    expect(bruno_page.get_by_text(re.compile("waitlist, in position 1"))).to_have_count(2)
    check_page(bruno_page)

    # Alice cancels, after confirming; the seat goes to Bruno at once, with an e-mail.
    alice_page.goto("/formations/mes-formations/")
    alice_page.get_by_role("link", name="Cancel my registration").click()
    alice_page.get_by_role("button", name="Cancel my registration").click()
    expect(alice_page.get_by_text("Your registration is cancelled.")).to_be_visible()

    assert SessionRegistration.objects.get(user=bruno).status == "registered"
    assert [email.to for email in mail.outbox] == [[bruno.email]]
    assert "Comprendre le budget communal" in mail.outbox[0].subject
    bruno_page.goto("/formations/mes-formations/")
    expect(bruno_page.get_by_text("You are registered")).to_be_visible()
    check_page(bruno_page)
