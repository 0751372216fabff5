"""Following with the keyboard only, and the notifications pages on a phone without
JavaScript. Axe checks the pages in tests/browser/test_accessibility.py."""

import pytest

from ateliers.notifications import follows
from tests.factories import UserFactory, WorkshopFactory

from .conftest import log_in
from .test_keyboard import PHONE, assert_fits_a_phone, tab_to

pytestmark = pytest.mark.browser


def test_follow_a_workshop_with_the_keyboard_only(page, transactional_db):
    workshop = WorkshopFactory(title="Un square rue Lagrive")
    person = UserFactory()
    log_in(page, person.email)
    page.goto(workshop.get_absolute_url())
    tab_to(page, r"^Suivre")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(workshop.get_absolute_url())
    assert follows.follows(person, workshop)
    assert page.get_by_role("button", name="Suivi").count() == 1


def test_the_pages_on_a_phone_without_javascript(make_page, transactional_db):
    page = make_page(viewport=PHONE, java_script_enabled=False)
    log_in(page, UserFactory().email)
    for path in ("/notifications/", "/notifications/reglages/"):
        assert_fits_a_phone(page, path)
