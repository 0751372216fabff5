"""A visitor searches from the header of any page with the keyboard only, and reads the results
on a phone without JavaScript. Axe checks the page in tests/browser/test_accessibility.py."""

import pytest

from tests.factories import ContributionFactory, NeighbourhoodFactory, WorkshopFactory

from .test_keyboard import PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def city(transactional_db):
    quartier = NeighbourhoodFactory(name="Croix-Rouge", slug="croix-rouge")
    workshop = WorkshopFactory(
        title="Un square rue Lagrive, ouvert aux enfants", neighbourhood=quartier
    )
    ContributionFactory(
        text="Des jeux pour les petits dans le square, et des bancs à l'ombre pour les parents.",
        topic__workshop__neighbourhood=quartier,
    )
    return workshop


def test_a_search_from_the_header_with_the_keyboard_only(page, city):
    page.goto("/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search":
            break
    else:
        pytest.fail("the header's search box cannot be reached with Tab")
    page.keyboard.type("squares")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/recherche/?q=squares" in page.url
    assert page.locator("main h2").first.inner_text() == "2 résultats"
    for _ in range(40):
        page.keyboard.press("Tab")
        if "Un square rue Lagrive" in page.evaluate("document.activeElement.textContent"):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(city.get_absolute_url())


def test_the_results_on_a_phone_without_javascript(make_page, city):
    page = make_page(viewport=PHONE, java_script_enabled=False)
    page.goto("/recherche/?q=square&quartier=croix-rouge")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the results are {width}px wide on a 375px screen"
    assert page.locator("mark").count() >= 2
    # The filter form works without JavaScript: a plain GET.
    page.locator("main select[name=type]").select_option("contribution")
    page.locator("main form[role=search] button[type=submit]").click()
    assert "type=contribution" in page.url
    assert page.locator(".search-result").count() == 1
