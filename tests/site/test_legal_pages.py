"""The pages a French public website must publish, linked from every page's footer: the legal
notice, personal data (RGPD), the accessibility statement (RGAA) and open data's licence,
each naming the city's own publisher and contacts."""

import re

import pytest

from tests.factories import WorkshopFactory

pytestmark = pytest.mark.django_db

LEGAL_PAGES = {
    "/mentions-legales/": "Legal notice",
    "/donnees-personnelles/": "Personal data",
    "/accessibilite/": "Accessibility statement",
    "/donnees-ouvertes/": "Open data",
}
CITY = {
    "PUBLISHER": "Ville de Montfleur",
    "PUBLISHER_ADDRESS": "1 place de la Mairie, 12345 Montfleur",
    "PUBLICATION_DIRECTOR": "Camille Maire",
    "CONTACT_EMAIL": "participer@montfleur.example",
    "DPO_EMAIL": "dpo@montfleur.example",
    "HOSTING_PROVIDER": "Hébergeur Exemple SAS, 2 rue des Serveurs, Lyon",
}


@pytest.fixture
def city_settings(settings):
    """A city's own publisher and contacts, which the pages must show."""
    for name, value in CITY.items():
        setattr(settings, name, value)


def footer_links(html: str) -> list[str]:
    footer = html[html.index('<footer class="site-footer">') :]
    return re.findall(r'<a href="([^"]+)"', footer)


@pytest.mark.parametrize("path", ["/", "/ateliers/", "/cette-page-n-existe-pas/"])
def test_every_page_s_footer_links_the_four_pages(client, path):
    WorkshopFactory()
    response = client.get(path)
    assert footer_links(response.content.decode()) == list(LEGAL_PAGES)
    assert "Accessibility: non-compliant" in response.content.decode()


@pytest.mark.parametrize(("path", "title"), LEGAL_PAGES.items())
def test_each_page_is_public_and_titled(client, path, title, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get(path)
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.content.decode()


def test_the_legal_notice_names_the_publisher_director_and_host(client, city_settings):
    page = client.get("/mentions-legales/").content.decode()
    for value in ("Ville de Montfleur", "1 place de la Mairie, 12345 Montfleur"):
        assert value in page
    assert "Director of publication: Camille Maire." in page
    assert "hosted by Hébergeur Exemple SAS, 2 rue des Serveurs, Lyon." in page
    assert 'href="mailto:participer@montfleur.example"' in page
    assert "GNU Affero General Public License" in page


def test_the_privacy_page_says_why_who_and_how_to_use_one_s_rights(client, city_settings):
    page = client.get("/donnees-personnelles/").content.decode()
    assert "article 6(1)(e)" in page
    assert "The controller is Ville de Montfleur" in page
    assert 'href="mailto:dpo@montfleur.example"' in page
    # Each kind of data with why it is kept, who sees it and for how long.
    rows = re.findall(r"<tr>\s*<th scope=\"row\">", page)
    assert len(rows) == 6
    assert page.count("As long as your account exists") == 4
    assert "What you follow, your notifications" in page
    assert "the site keeps only that you answered" in page
    assert 'href="/compte/profil/"' in page
    # Where a person downloads their data and deletes their account.
    assert 'href="/compte/mes-donnees/"' in page
    assert "CNIL" in page


def test_the_accessibility_statement_declares_the_status_and_the_remedies(client, city_settings):
    page = client.get("/accessibilite/").content.decode()
    assert "Ville de Montfleur is committed" in page
    assert "<strong>non-compliant</strong>" in page
    assert 'href="mailto:participer@montfleur.example"' in page
    assert "Libre réponse 71120, 75342 Paris CEDEX 07" in page


def test_the_open_data_page_states_the_licence_and_its_downloads_answer(client, city_settings):
    page = client.get("/donnees-ouvertes/").content.decode()
    assert "Licence Ouverte / Open Licence version 2.0" in page
    assert "mention its source, Ville de Montfleur" in page
    main = page[page.index("<main") : page.index("</main>")]
    downloads = re.findall(r'<li><a href="([^"]+)"', main)
    api_lists = [
        "workshops",
        "councils",
        "meetings",
        "trainings",
        "documents",
        "conversations",
        "recommendations",
        "evaluations",
    ]
    assert downloads == [
        "/suivi/export.csv",
        "/evaluations/export.csv",
        "/agenda/ville.ics",
        "/api/v1/docs",
        *(f"/api/v1/{name}.csv" for name in api_lists),
        "/api/v1/feeds/workshops.atom",
        "/api/v1/feeds/answers.atom",
    ]
    assert 'href="/suivi/export.json"' in page
    assert 'href="/api/v1/openapi.json"' in page
    for path in [*downloads, "/suivi/export.json", "/api/v1/openapi.json"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "attachment" in response.get("Content-Disposition", "") or path.endswith(
            (".ics", ".atom", ".json", "/docs")
        )


def test_the_pages_are_in_french_by_default(client, settings):
    settings.LANGUAGE_CODE = "fr"
    page = client.get("/accessibilite/").content.decode()
    assert "<h1>Déclaration d'accessibilité</h1>" in page
    assert "<strong>non conforme</strong>" in page
    assert "Accessibilité : non conforme" in page
