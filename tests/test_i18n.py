"""French first, English through the language switcher."""

import pytest


@pytest.mark.django_db
def test_pages_are_in_french_by_default(client):
    page = client.get("/ateliers/").content.decode()
    assert '<html lang="fr">' in page
    assert "Ateliers de " in page
    assert "Se connecter" in page


@pytest.mark.django_db
def test_the_language_switcher_turns_the_site_to_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/conseils/"})
    assert response.status_code == 302
    assert response["Location"] == "/conseils/"
    page = client.get("/conseils/").content.decode()
    assert '<html lang="en">' in page
    assert "Log in" in page

    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert "Se connecter" in client.get("/").content.decode()


@pytest.mark.django_db
def test_an_unknown_page_answers_in_french(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.django_db
def test_french_even_when_the_browser_prefers_english(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="fr">' in page
