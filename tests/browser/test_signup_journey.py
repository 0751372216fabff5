"""A newcomer's whole journey, in a real browser: sign up, confirm the e-mail address, log in,
join a workshop in its communication phase declaring a capacity."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from ateliers.core.models import User
from ateliers.workshops.models import Capacity, Participation
from tests.factories import NeighbourhoodFactory, WorkshopFactory

from .conftest import assert_no_console_errors

pytestmark = pytest.mark.browser

EMAIL = "nadia@example.org"
PASSWORD = "un-jardin-sur-le-toit"


def test_sign_up_confirm_log_in_and_join_a_workshop(english_page, live_server):
    page = english_page
    NeighbourhoodFactory(name="Centre-ville", slug="centre-ville")
    workshop = WorkshopFactory(title="Réaménager la place du marché")

    # Sign up from the home page.
    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label(re.compile(r"^e-?mail", re.I)).fill(EMAIL)
    page.get_by_label("Display name").fill("Nadia du Centre")
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill(PASSWORD)
    page.get_by_label(re.compile(r"password.*(again|confirm)", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign up", re.I)).click()
    expect(page).not_to_have_url(re.compile("/signup/"))

    # The account exists but cannot be used before the address is verified.
    user = User.objects.get(email=EMAIL)
    assert user.display_name == "Nadia du Centre"
    assert not user.emailaddress_set.get(email=EMAIL).verified
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    link = re.search(r"https?://\S+/confirm-email/\S+", message.body)
    assert link, f"no confirmation link in:\n{message.body}"

    # The link shows a confirmation button (a GET never confirms by itself).
    page.goto(link.group(0))
    page.get_by_role("button", name=re.compile("confirm", re.I)).click()
    expect(page).not_to_have_url(re.compile("/confirm-email/"))
    assert user.emailaddress_set.get(email=EMAIL).verified

    # Log in.
    page.goto("/")
    page.get_by_role("link", name="Log in").click()
    page.get_by_label(re.compile(r"^e-?mail", re.I)).fill(EMAIL)
    page.get_by_label(re.compile(r"^password:?$", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in|log in", re.I)).click()
    navigation = page.get_by_role("navigation", name="Main menu")
    expect(navigation.get_by_role("link", name="Nadia du Centre")).to_be_visible()

    # Find the workshop and join it as the member of an association.
    navigation.get_by_role("link", name="Workshops", exact=True).click()
    page.get_by_role("link", name="Réaménager la place du marché").first.click()
    page.get_by_role("link", name="Take part in this workshop").click()
    page.get_by_label("Association", exact=True).check()
    page.get_by_label("Name of your association").fill("Les Amis du marché")
    page.get_by_role("button", name="Join the workshop").click()

    # The workshop page now says so, and the database agrees.
    expect(page.get_by_text("You take part as Association.")).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(workshop.get_absolute_url()) + "$"))
    participation = Participation.objects.get(workshop=workshop, user=user)
    assert participation.capacity == Capacity.ASSOCIATION
    assert participation.association_name == "Les Amis du marché"
    assert_no_console_errors(page)
