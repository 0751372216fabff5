"""A resident downloads their data and deletes their account with the keyboard only, and on
a phone without JavaScript. Axe checks the pages in tests/browser/test_accessibility.py."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import ContributionFactory, UserFactory

from .conftest import log_in
from .test_keyboard import PHONE

pytestmark = pytest.mark.browser


def tab_to(page, text: str, *, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"{text!r} cannot be reached with the Tab key")


def test_download_then_delete_with_the_keyboard_only(page, transactional_db):
    resident = UserFactory(display_name="Nadia Benali")
    ContributionFactory(author=resident, text="Un banc devant l'école")
    log_in(page, resident.email)
    page.goto("/compte/profil/")
    tab_to(page, "Mes données : les télécharger, supprimer mon compte")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "Télécharger mes données (ZIP)")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".zip")
    tab_to(page, "Supprimer mon compte…")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "password":
            break
    page.keyboard.type("correct-horse-battery")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    tab_to(page, "Supprimer définitivement mon compte")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/")
    assert page.get_by_text("Votre compte a été supprimé.").count() == 1
    assert get_user_model().objects.get(pk=resident.pk).deleted_at is not None


def test_the_pages_on_a_phone_without_javascript(make_page, transactional_db):
    page = make_page(viewport=PHONE, java_script_enabled=False)
    log_in(page, UserFactory().email)
    for path in ("/compte/mes-donnees/", "/compte/supprimer/"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a 375px screen"
