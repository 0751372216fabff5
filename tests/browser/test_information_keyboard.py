"""The information phase's pages on a phone, with the keyboard only, and without
JavaScript: the catalogue, a training and its session, a meeting, documents, the calendar."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ateliers.core.models import Role
from ateliers.trainings.models import SessionRegistration
from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    TrainingFactory,
    TrainingSessionFactory,
    UserFactory,
    WorkshopFactory,
)

from .conftest import log_in
from .test_keyboard import PHONE, focused, tab_to

pytestmark = pytest.mark.browser


@pytest.fixture
def city(transactional_db):
    workshop = WorkshopFactory(
        title="Réaménagement participatif de la place du marché et de ses abords immédiats",
        slug="place-du-marche",
    )
    training = TrainingFactory(
        title="Comprendre le budget communal et ses grandes masses d'investissement",
        slug="budget",
    )
    training.recommended_for.add(workshop)
    start = timezone.now() + datetime.timedelta(days=5)
    session = TrainingSessionFactory(
        training=training, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    meeting = MeetingFactory(
        workshop=workshop,
        title="Visite commentée de la place du marché avec les services techniques",
        registration_required=True,
        capacity=20,
    )
    document = DocumentFactory(workshop=workshop, title="Plan topographique de la place", pdf=True)
    resident = UserFactory(role=Role.RESIDENT, display_name="Jean-Baptiste Habitant-du-Centre")
    return {
        "workshop": workshop,
        "training": training,
        "session": session,
        "meeting": meeting,
        "document": document,
        "resident": resident,
    }


PAGES = {
    "training-catalogue": lambda c: "/formations/",
    "training": lambda c: c["training"].get_absolute_url(),
    "training-session": lambda c: c["session"].get_absolute_url(),
    "meeting": lambda c: c["meeting"].get_absolute_url(),
    "document": lambda c: c["document"].get_absolute_url(),
    "documents": lambda c: "/documents/atelier/place-du-marche/",
    "calendar": lambda c: "/agenda/",
    "workshop": lambda c: "/ateliers/place-du-marche/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_no_horizontal_scroll_on_a_phone(make_page, city, name):
    page = make_page(language="en", viewport=PHONE)
    log_in(page, city["resident"].email)
    page.goto(PAGES[name](city))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} is {width}px wide on a 375px screen"


def test_registering_for_a_session_with_the_keyboard_only(make_page, city):
    page = make_page(language="en")
    log_in(page, city["resident"].email)
    page.goto(city["session"].get_absolute_url())

    tab_to(page, r"^Register")
    page.keyboard.press("Enter")
    page.wait_for_url("**/inscription/")
    tab_to(page, r"^Confirm my registration$")
    page.keyboard.press("Enter")
    expect(page.get_by_text("You are registered").first).to_be_visible()

    assert SessionRegistration.objects.filter(user=city["resident"]).exists()
    assert focused(page) is not None


def test_registering_for_a_meeting_and_filtering_the_calendar_without_javascript(make_page, city):
    page = make_page(language="en", java_script_enabled=False)
    log_in(page, city["resident"].email)
    page.goto(city["meeting"].get_absolute_url())
    page.get_by_role("link", name="Register").click()
    page.get_by_role("button", name="Confirm my registration").click()
    expect(page.get_by_text("You are registered").first).to_be_visible()

    page.goto("/agenda/")
    page.get_by_label("Kind").select_option(label="Trainings")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("link", name=city["training"].title)).to_be_visible()
    expect(page.get_by_role("link", name=city["meeting"].title)).to_have_count(0)
