"""Error pages: ours, in the visitor's language (French first), never a traceback."""

import pytest
from django.test import Client

from .html_checks import assert_page_is_clean

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.error_urls")]


def template_names(response) -> list[str]:
    return [t.name for t in response.templates]


def test_unknown_page_gets_our_404(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "404.html" in template_names(response)
    assert "base.html" in template_names(response)
    assert response.headers["Content-Language"] == "fr"
    assert_page_is_clean(response.content.decode())


def test_forbidden_action_gets_our_403(client):
    response = client.get("/test-interdit/")
    assert response.status_code == 403
    assert "403.html" in template_names(response)
    assert_page_is_clean(response.content.decode())


def test_a_crash_gets_our_500_without_details():
    client = Client(raise_request_exception=False)
    response = client.get("/test-erreur/")
    assert response.status_code == 500
    assert "500.html" in template_names(response)
    html = response.content.decode()
    assert "secret-detail-that-must-not-leak" not in html
    assert "Traceback" not in html
    assert "RuntimeError" not in html
    assert_page_is_clean(html)


def test_visitors_who_chose_english_get_the_404_in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
