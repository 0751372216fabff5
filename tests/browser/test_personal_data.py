"""A resident downloads their data and deletes their account with the keyboard only, and on
a phone without JavaScript. Axe checks the pages in tests/browser/test_accessibility.py."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import ContributionFactory, UserFactory

from .conftest import log_in
from .test_keyboard import PHONE, assert_fits_a_phone, tab_to

pytestmark = pytest.mark.browser


def test_download_then_delete_with_the_keyboard_only(page, transactional_db):
    resident = UserFactory(display_name="Nadia Benali")
    ContributionFactory(author=resident, text="Un banc devant l'école")
    log_in(page, resident.email)
    page.goto("/compte/profil/")
    tab_to(page, r"^Mes données : les télécharger, supprimer mon compte$")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, r"^Télécharger mes données \(ZIP\)$")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".zip")
    tab_to(page, r"^Supprimer mon compte…$")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, r"^Votre mot de passe")
    page.keyboard.type("correct-horse-battery")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    tab_to(page, r"^Supprimer définitivement mon compte$")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/")
    assert page.get_by_text("Votre compte a été supprimé.").count() == 1
    assert get_user_model().objects.get(pk=resident.pk).deleted_at is not None


def test_the_pages_on_a_phone_without_javascript(make_page, transactional_db):
    page = make_page(viewport=PHONE, java_script_enabled=False)
    log_in(page, UserFactory().email)
    for path in ("/compte/mes-donnees/", "/compte/supprimer/"):
        assert_fits_a_phone(page, path)
