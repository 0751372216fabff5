"""Accounts through allauth: sign-up with a verified e-mail, login, reset, rate limits, and
every account page drawn in our layout without anything the CSP would block."""

import re

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from ateliers.core.models import User
from tests.factories import NeighbourhoodFactory, UserFactory

from .html_checks import assert_page_is_clean

PASSWORD = "correct-horse-battery"
SIGNUP_PASSWORD = "un-jardin-partagé-2026"


def signup_data(email="nadia@example.org", **extra):
    return {
        "email": email,
        "password1": SIGNUP_PASSWORD,
        "password2": SIGNUP_PASSWORD,
        "display_name": "Nadia du Centre",
        **extra,
    }


def login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def link_in(message) -> str:
    match = re.search(r"https?://\S+", message.body)
    assert match, f"no link in: {message.body}"
    return match.group(0)


def french(message_key: str) -> str:
    """An allauth error message as the (French) user reads it on the page."""
    with translation.override("fr"):
        return escape(str(DefaultAccountAdapter.error_messages[message_key]))


@pytest.mark.django_db
def test_sign_up_verify_then_log_in(client):
    neighbourhood = NeighbourhoodFactory(name="Centre")
    response = client.post(reverse("account_signup"), signup_data(neighbourhood=neighbourhood.pk))
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")

    user = User.objects.get(email="nadia@example.org")
    assert user.display_name == "Nadia du Centre"
    assert user.neighbourhood == neighbourhood

    # One e-mail, in our words, subject prefixed by the city's name, with a confirmation link.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nadia@example.org"]
    assert message.subject.startswith(f"[{settings.SITE_NAME}] ")
    assert settings.SITE_NAME in message.body

    # Before confirming, the password is right but the login does not let her in.
    response = login(client, "nadia@example.org", SIGNUP_PASSWORD)
    assert "_auth_user_id" not in client.session
    assert response.url == reverse("account_email_verification_sent")

    # The link shows a confirmation page (a GET must not confirm); its button does.
    confirm_url = link_in(message)
    response = client.get(confirm_url)
    assert response.status_code == 200
    assert not EmailAddress.objects.get(email="nadia@example.org").verified
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="nadia@example.org").verified

    response = login(client, "nadia@example.org", SIGNUP_PASSWORD)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
def test_sign_up_requires_a_display_name(client):
    response = client.post(reverse("account_signup"), signup_data(display_name="  "))
    assert response.status_code == 200
    assert not User.objects.filter(email="nadia@example.org").exists()
    assert response.context["form"].errors["display_name"]
    assert len(mail.outbox) == 0


@pytest.mark.django_db
def test_login_with_a_wrong_password_is_refused(client, resident):
    response = login(client, resident.email, "not-the-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert french("email_password_mismatch") in response.content.decode()


@pytest.mark.django_db
def test_logout_ends_the_session(client, resident):
    client.force_login(resident)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_reset_does_not_reveal_whether_the_address_exists(client, resident):
    url = reverse("account_reset_password")
    known = client.post(url, {"email": resident.email})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [resident.email]
    assert mail.outbox[0].subject.startswith(f"[{settings.SITE_NAME}] ")

    unknown = client.post(url, {"email": "nobody@example.org"})
    # Same answer either way; nothing at all is sent to the unknown address.
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert known.url == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_password_reset_link_sets_a_new_password(client, resident):
    client.post(reverse("account_reset_password"), {"email": resident.email})
    response = client.get(link_in(mail.outbox[0]), follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    new_password = "une-nouvelle-clef-2026"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(new_password)


@pytest.mark.django_db
def test_repeated_failed_logins_are_refused_even_with_the_right_password(client, resident):
    for _ in range(5):
        login(client, resident.email, "not-the-password")
    response = login(client, resident.email, PASSWORD)
    assert "_auth_user_id" not in client.session
    assert french("too_many_login_attempts") in response.content.decode()


@pytest.mark.django_db
def test_sign_up_is_rate_limited_per_ip_address(client):
    for n in range(10):
        client.post(reverse("account_signup"), signup_data(email=f"robot{n}@example.org"))
    response = client.post(reverse("account_signup"), signup_data(email="robot99@example.org"))
    assert response.status_code == 429
    assert "429.html" in [t.name for t in response.templates]
    with translation.override("fr"):
        assert escape(translation.gettext("Too many attempts")) in response.content.decode()
    assert not User.objects.filter(email="robot99@example.org").exists()


@pytest.mark.django_db
def test_login_without_csrf_token_is_refused(resident):
    client = Client(enforce_csrf_checks=True)
    response = login(client, resident.email, PASSWORD)
    assert response.status_code == 403
    assert "403_csrf.html" in [t.name for t in response.templates]
    assert "_auth_user_id" not in client.session


def _confirm_url(user):
    from allauth.account.models import EmailConfirmationHMAC

    return reverse(
        "account_confirm_email",
        args=[EmailConfirmationHMAC(EmailAddress.objects.get(user=user)).key],
    )


def _reset_url(user):
    key = default_token_generator.make_token(user)
    return reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": key},
    )


ANONYMOUS_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "account_email_verification_sent",
]
MEMBER_PAGES = ["account_logout", "account_email", "account_change_password"]


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ANONYMOUS_PAGES)
def test_anonymous_account_pages_use_our_layout(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert "base.html" in [t.name for t in response.templates]
    assert_page_is_clean(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", MEMBER_PAGES)
def test_member_account_pages_use_our_layout(client, resident, url_name):
    client.force_login(resident)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert "base.html" in [t.name for t in response.templates]
    assert_page_is_clean(response.content.decode())


@pytest.mark.django_db
def test_pages_reached_from_e_mails_use_our_layout(client):
    user = UserFactory(verified=False)
    EmailAddress.objects.filter(user=user).delete()
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    for url in [_confirm_url(user), _reset_url(user)]:
        response = client.get(url, follow=True)
        assert response.status_code == 200
        assert "base.html" in [t.name for t in response.templates]
        assert_page_is_clean(response.content.decode())


@pytest.mark.django_db
def test_a_signup_form_with_errors_lists_them_and_keeps_labels(client):
    response = client.post(reverse("account_signup"), signup_data(password2="different"))
    html = response.content.decode()
    assert 'class="form-errors"' in html
    assert_page_is_clean(html)


@pytest.mark.django_db
def test_behind_a_proxy_each_visitor_has_their_own_sign_up_limit(client, settings):
    # One trusted proxy: the visitor's address is the last one in X-Forwarded-For, and all
    # requests share the proxy's REMOTE_ADDR.
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    busy = {"headers": {"x-forwarded-for": "203.0.113.7"}}
    for n in range(10):
        client.post(reverse("account_signup"), signup_data(email=f"robot{n}@example.org"), **busy)
    refused = client.post(reverse("account_signup"), signup_data(email="late@example.org"), **busy)
    assert refused.status_code == 429
    other = client.post(
        reverse("account_signup"),
        signup_data(email="voisine@example.org"),
        headers={"x-forwarded-for": "198.51.100.4"},
    )
    assert other.status_code == 302
    assert User.objects.filter(email="voisine@example.org").exists()


@pytest.mark.django_db
def test_removing_an_address_asks_for_confirmation_first(client, resident):
    EmailAddress.objects.create(user=resident, email="second@example.org", verified=True)
    client.force_login(resident)
    page = client.get(reverse("account_email")).content.decode()
    assert f'formaction="{reverse("email_remove_confirm")}"' in page

    # The button of the e-mail page only shows the question; nothing is removed yet.
    response = client.post(reverse("email_remove_confirm"), {"email": "second@example.org"})
    assert response.status_code == 200
    assert_page_is_clean(response.content.decode())
    assert EmailAddress.objects.filter(email="second@example.org").exists()

    # Saying yes posts to allauth's page, which removes it.
    client.post(reverse("account_email"), {"email": "second@example.org", "action_remove": ""})
    assert not EmailAddress.objects.filter(email="second@example.org").exists()


@pytest.mark.django_db
def test_confirmation_is_only_for_ones_own_addresses(client, resident):
    other = UserFactory(email="other@example.org")
    client.force_login(resident)
    response = client.post(reverse("email_remove_confirm"), {"email": other.email})
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]


@pytest.mark.django_db
def test_confirmation_needs_a_login(client):
    response = client.post(reverse("email_remove_confirm"), {"email": "x@example.org"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
