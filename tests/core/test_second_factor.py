"""The city's team must set up a second factor (an authenticator app, with recovery codes)
before it can use its powers; residents may set one up."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, TOTP, format_hotp_value, hotp_value
from django.test import Client
from django.urls import reverse

from ateliers.core.second_factor import check_second_factor_required
from ateliers.workshops.models import Workshop
from tests.factories import UserFactory
from tests.roles import person_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PASSWORD = "correct-horse-battery"
ACTIVATE = reverse("mfa_activate_totp")
MANAGE = reverse("workshops:manage")


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def with_app(user) -> str:
    """Give `user` an authenticator app; its secret."""
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    TOTP.activate(user, secret)
    return secret


@pytest.fixture
def required(settings):
    settings.ATELIERS_STAFF_SECOND_FACTOR = True


def log_in_with_the_form(client, user, secret: str | None = None) -> None:
    """Through allauth's pages, as a person does (they record when and how): the password,
    then the app's code when there is an app."""
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    if secret is not None:
        client.post(reverse("mfa_authenticate"), {"code": code_for(secret)})


def confirm_password(client) -> None:
    """allauth asks for the password again before a change of the second factor."""
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("role", ["city_staff", "administrator", "superuser"])
def test_the_team_without_a_second_factor_is_sent_to_set_one_up(role):
    client = logged_in(person_for(role))

    for path in (MANAGE, reverse("home"), "/admin/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == ACTIVATE, path
    page = client.get(ACTIVATE, follow=True).content.decode()
    assert "set up a second factor" in page


@pytest.mark.usefixtures("required")
def test_nothing_the_team_posts_is_carried_out_before(client):
    staff = person_for("city_staff")
    client.force_login(staff)

    response = client.post(reverse("workshops:create"), {"title": "Sans second facteur"})

    assert response.status_code == 302 and response["Location"] == ACTIVATE
    assert not Workshop.objects.exists()


@pytest.mark.usefixtures("required")
def test_leaving_and_the_footer_pages_stay_open():
    client = logged_in(person_for("city_staff"))

    assert client.get(reverse("privacy")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302
    assert client.get(MANAGE).status_code == 302  # logged out now: to the login page
    assert "/compte/login/" in client.get(MANAGE)["Location"]


@pytest.mark.usefixtures("required")
def test_a_resident_is_not_asked(client):
    client.force_login(UserFactory())

    assert client.get(reverse("home")).status_code == 200


@pytest.mark.usefixtures("required")
def test_setting_up_the_app_opens_the_powers_and_gives_recovery_codes(client):
    staff = person_for("city_staff")
    log_in_with_the_form(client, staff)
    assert client.get(ACTIVATE)["Location"].startswith(reverse("account_reauthenticate"))
    confirm_password(client)

    form_page = client.get(ACTIVATE)
    assert form_page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    wrong = client.post(ACTIVATE, {"code": "000000" if code_for(secret) != "000000" else "1"})
    assert wrong.status_code == 200 and not Authenticator.objects.filter(user=staff).exists()
    done = client.post(ACTIVATE, {"code": code_for(secret)})

    assert done.status_code == 302
    kinds = set(Authenticator.objects.filter(user=staff).values_list("type", flat=True))
    assert kinds == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    assert client.get(MANAGE).status_code == 200


@pytest.mark.usefixtures("required")
def test_the_team_cannot_remove_its_app_while_the_rule_holds(client):
    staff = person_for("city_staff")
    log_in_with_the_form(client, staff, with_app(staff))
    confirm_password(client)

    client.post(reverse("mfa_deactivate_totp"))

    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()


def test_a_resident_may_remove_theirs(client):
    resident = UserFactory()
    log_in_with_the_form(client, resident, with_app(resident))
    confirm_password(client)

    client.post(reverse("mfa_deactivate_totp"))

    assert not Authenticator.objects.filter(user=resident, type=Authenticator.Type.TOTP).exists()


@pytest.mark.usefixtures("required")
def test_logging_in_asks_for_the_app_code(client):
    staff = person_for("city_staff")
    secret = with_app(staff)

    response = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    assert client.get(MANAGE).status_code == 302  # not logged in yet
    client.post(reverse("mfa_authenticate"), {"code": code_for(secret)})
    assert client.get(MANAGE).status_code == 200


def test_check_deploy_warns_when_the_team_may_work_without_it(settings):
    # On in production by default: tests/core/test_settings.py's `check --deploy` passes
    # without a warning.
    settings.ATELIERS_STAFF_SECOND_FACTOR = False
    assert [message.id for message in check_second_factor_required()] == ["ateliers.W001"]
    settings.ATELIERS_STAFF_SECOND_FACTOR = True
    assert check_second_factor_required() == []
