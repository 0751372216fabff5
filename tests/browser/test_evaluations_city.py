"""What the city learns from its workshops, in a real browser: the page passes axe with a whole
small city and empty, fits a phone without JavaScript, and its CSV is downloaded with the
keyboard only."""

import pytest
import time_machine
from playwright.sync_api import expect

from tests.evaluations.cityview_data import NOW, small_city

from .conftest import check_page
from .test_keyboard import PHONE, tab_to

pytestmark = pytest.mark.browser
PATH = "/evaluations/"


@pytest.fixture
def city(transactional_db):
    # Made as on the data set's day; the page is then read today (everything has ended).
    with time_machine.travel(NOW, tick=False):
        return small_city()


def test_the_page_with_a_small_city_passes_axe(page, city):
    page.goto(PATH)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("figure.chart svg").first).to_be_visible()
    check_page(page)


def test_the_page_of_an_empty_city_passes_axe(english_page, transactional_db):
    english_page.goto(PATH)
    expect(english_page.get_by_text("No workshop has started yet").first).to_be_visible()
    check_page(english_page)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_page_fits_a_phone_without_javascript(make_page, city, language):
    page = make_page(language=language, viewport=PHONE, java_script_enabled=False)
    page.goto(PATH)
    expect(page.locator("table").first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{PATH} is {width}px wide on a 375px screen"


def test_the_keyboard_reaches_and_downloads_the_csv(english_page, city):
    english_page.goto(PATH)
    tab_to(english_page, r"^CSV file of the figures$")
    with english_page.expect_download() as download:
        english_page.keyboard.press("Enter")

    assert download.value.suggested_filename == "ville-ateliers.csv"
    with open(download.value.path(), encoding="utf-8") as saved:
        assert saved.readline().strip() == "section,label,value,count,total"
