"""A member of the city's team, sent to set up a second factor, does it with the keyboard
only: their password again, the app's code, then the recovery codes; every page passes axe."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from tests.roles import person_for

from .conftest import check_page, log_in
from .test_keyboard import tab_to

pytestmark = pytest.mark.browser


def test_the_team_sets_up_its_second_factor_with_the_keyboard_only(
    page, transactional_db, settings
):
    settings.ATELIERS_STAFF_SECOND_FACTOR = True
    staff = person_for("city_staff")
    log_in(page, staff.email)

    page.goto("/ateliers/gestion/")
    # Sent to set it up; allauth first asks for the password again.
    assert "/compte/reauthenticate/" in page.url
    check_page(page)
    tab_to(page, r"^Mot de passe\W*$")
    page.keyboard.type("correct-horse-battery")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/compte/2fa/totp/activate/")
    check_page(page)
    secret = page.locator("#authenticator_secret").input_value()
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    tab_to(page, r"^Code de l.authentificateur")
    page.keyboard.type(code)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_page(page)
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert page.goto("/ateliers/gestion/").status == 200
    assert page.url.endswith("/ateliers/gestion/")
