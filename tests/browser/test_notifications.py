"""Following with the keyboard only, and the notifications pages on a phone without
JavaScript. Axe checks the pages in tests/browser/test_accessibility.py."""

import pytest

from ateliers.notifications import follows
from tests.factories import UserFactory, WorkshopFactory

from .conftest import log_in
from .test_keyboard import PHONE

pytestmark = pytest.mark.browser


def test_follow_a_workshop_with_the_keyboard_only(page, transactional_db):
    workshop = WorkshopFactory(title="Un square rue Lagrive")
    person = UserFactory()
    log_in(page, person.email)
    page.goto(workshop.get_absolute_url())
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()").startswith("Suivre"):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(workshop.get_absolute_url())
    assert follows.follows(person, workshop)
    assert page.get_by_role("button", name="Suivi").count() == 1


def test_the_pages_on_a_phone_without_javascript(make_page, transactional_db):
    page = make_page(viewport=PHONE, java_script_enabled=False)
    log_in(page, UserFactory().email)
    for path in ("/notifications/", "/notifications/reglages/"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a 375px screen"
