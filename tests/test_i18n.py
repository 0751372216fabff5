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
    page = client.get("/conseils/").content.decode()
    # Links, each in its own language, back to the page where they were followed.
    assert 'href="/langue/en/?next=/conseils/" lang="en" hreflang="en">English</a>' in page
    assert 'lang="fr" hreflang="fr" aria-current="true">Français</a>' in page
    response = client.get("/langue/en/", {"next": "/conseils/"})
    assert response.status_code == 302
    assert response["Location"] == "/conseils/"
    page = client.get("/conseils/").content.decode()
    assert '<html lang="en">' in page
    assert "Log in" in page

    client.get("/langue/fr/", {"next": "/"})
    assert "Se connecter" in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_switcher_goes_back_only_to_this_site_and_knows_its_languages(client):
    assert client.get("/langue/en/", {"next": "https://evil.example/"})["Location"] == "/"
    assert client.get("/langue/xx/").status_code == 404


@pytest.mark.django_db
def test_a_public_page_carries_no_csrf_token(client):
    """Nothing on a public page needs one (the switcher is links), so one page can be cached
    for every visitor."""
    for url in ("/", "/ateliers/", "/conseils/"):
        response = client.get(url)
        assert "csrfmiddlewaretoken" not in response.content.decode(), url
        assert "csrftoken" not in response.cookies, url


@pytest.mark.django_db
def test_an_unknown_page_answers_in_french(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.django_db
def test_french_even_when_the_browser_prefers_english(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="fr">' in page


def test_the_french_catalogue_compiles_without_a_fault():
    """msgfmt's checks (formats, plurals, stray previous-msgid lines): a catalogue that does not
    compile leaves the whole site in English."""
    import shutil
    import subprocess
    from pathlib import Path

    if shutil.which("msgfmt") is None:
        pytest.skip("gettext's msgfmt is not installed")
    catalogue = Path(__file__).parent.parent / "ateliers/locale/fr/LC_MESSAGES/django.po"
    checked = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", "/dev/null", str(catalogue)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
