"""Every page answers with a strict Content-Security-Policy: nothing inline, nothing foreign."""

import pytest
from django.urls import reverse

FORBIDDEN_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:"}


def policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_strict(response) -> None:
    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    for name, sources in directives.items():
        assert not FORBIDDEN_SOURCES & set(sources), f"{name} allows {sources}"
    assert "Content-Security-Policy-Report-Only" not in response.headers


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [reverse("home"), "/cette-page-n-existe-pas/", reverse("account_login")],
    ids=["home", "404", "login"],
)
def test_pages_have_a_strict_content_security_policy(client, url):
    assert_strict(client.get(url))


@pytest.mark.django_db
def test_a_logged_in_page_has_it_too(client, resident):
    client.force_login(resident)
    assert_strict(client.get(reverse("profile")))


@pytest.mark.django_db
def test_other_security_headers(client):
    response = client.get(reverse("account_login"))
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
