"""A resident finds their neighbourhood from the menu, with the keyboard or on a phone without
JavaScript, and their home page starts with it. Axe checks the pages in
tests/browser/test_accessibility.py."""

import pytest

from tests.factories import (
    MeetingFactory,
    NeighbourhoodFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.townhall.followup_factories import adopted, answering_workshop

from .conftest import log_in
from .test_keyboard import PHONE, assert_fits_a_phone, tab_to

pytestmark = pytest.mark.browser


@pytest.fixture
def quartier(transactional_db):
    quartier = NeighbourhoodFactory(name="Croix-Rouge", slug="croix-rouge")
    NeighbourhoodFactory(name="Orgeval", slug="orgeval")
    WorkshopFactory(title="Un square rue Lagrive, ouvert aux enfants", neighbourhood=quartier)
    MeetingFactory(title="Balade urbaine du square", workshop__neighbourhood=quartier)
    adopted(answering_workshop(neighbourhood=quartier), title="Des bancs ombragés")
    return quartier


def test_from_the_menu_to_a_neighbourhood_with_the_keyboard_only(page, quartier):
    page.goto("/")
    tab_to(page, r"^Quartiers$")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/quartiers/")
    tab_to(page, r"^Croix-Rouge$")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/quartiers/croix-rouge/")
    main = page.locator("main")
    assert main.get_by_text("Balade urbaine du square").count() == 1
    assert main.get_by_text("Des bancs ombragés").count() == 1


def test_the_pages_on_a_phone_without_javascript(make_page, quartier):
    page = make_page(viewport=PHONE, java_script_enabled=False)
    for path in ("/quartiers/", "/quartiers/croix-rouge/"):
        assert_fits_a_phone(page, path)


def test_a_resident_home_page_starts_with_their_neighbourhood(page, quartier):
    resident = UserFactory(neighbourhood=quartier)
    log_in(page, resident.email)
    page.goto("/")
    first = page.locator("main section").first
    assert first.get_by_role("heading", level=2).inner_text() == (
        "Dans votre quartier, Croix-Rouge"
    )
    assert first.get_by_text("Un square rue Lagrive, ouvert aux enfants").count() == 1
