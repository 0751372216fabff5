"""The site on a phone, with the keyboard only, and without JavaScript."""

import re

import pytest
from playwright.sync_api import Page, expect

from ateliers.core.models import Role
from ateliers.workshops.models import Capacity, Participation
from tests.factories import (
    NeighbourhoodFactory,
    ThemeFactory,
    UserFactory,
    WorkshopFactory,
)

from .conftest import assert_no_console_errors, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}


@pytest.fixture
def city(transactional_db):
    centre = NeighbourhoodFactory(name="Centre-ville", slug="centre-ville")
    gare = NeighbourhoodFactory(name="Quartier de la Gare", slug="gare")
    workshop = WorkshopFactory(
        # A long title and unbroken words are what push a narrow page sideways.
        title="Réaménagement participatif de la place du marché et de ses abords immédiats",
        slug="place-du-marche",
        neighbourhood=centre,
        capacity=40,
    )
    workshop.themes.add(ThemeFactory(name="Nature en ville", slug="nature"))
    WorkshopFactory(title="Une rue scolaire avenue Jaurès", neighbourhood=gare)
    resident = UserFactory(role=Role.RESIDENT, display_name="Jean-Baptiste Habitant-du-Centre")
    return {"workshop": workshop, "resident": resident}


@pytest.fixture
def phone_page(make_page):
    # English labels: see `english_page` in conftest.py.
    return make_page(language="en", viewport=PHONE)


@pytest.fixture
def no_js_page(make_page):
    return make_page(language="en", java_script_enabled=False)


def focused(page: Page) -> str:
    """What the focused element says: its accessible text, or its label's."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return "";
            const label = el.labels && el.labels.length ? el.labels[0].textContent : "";
            return (el.getAttribute("aria-label") || label || el.textContent || el.value || "")
                .replace(/\\s+/g, " ").trim();
        }"""
    )


def tab_to(page: Page, pattern: str, *, max_stops: int = 60) -> None:
    """Press Tab until the focused element's text matches `pattern`, as a keyboard user."""
    stops = []
    for _ in range(max_stops):
        page.keyboard.press("Tab")
        stops.append(focused(page))
        if re.search(pattern, stops[-1], re.I):
            return
    pytest.fail(f"no Tab stop matches {pattern!r}; the stops were: {stops}")


def assert_fits_a_phone(page: Page, path: str) -> None:
    """Open `path`: nothing on it is wider than the phone's screen."""
    page.goto(path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width}px wide on a {PHONE['width']}px screen"


@pytest.mark.parametrize(
    ("who", "path"),
    [
        pytest.param(None, "/", id="home"),
        pytest.param(None, "/ateliers/", id="workshop-list"),
        pytest.param(None, "/ateliers/place-du-marche/", id="workshop"),
        pytest.param("resident", "/", id="home-logged-in"),
        pytest.param("resident", "/ateliers/place-du-marche/", id="workshop-logged-in"),
    ],
)
def test_no_horizontal_scroll_on_a_phone(phone_page, city, who, path):
    if who is not None:
        log_in(phone_page, city[who].email)
    phone_page.goto(path)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width}px wide on a 375px screen"


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(phone_page, city):
    phone_page.goto("/ateliers/place-du-marche/")
    phone_page.keyboard.press("Tab")
    skip_link = phone_page.locator("a[href='#main']")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_text("Skip to content")
    # Hidden until focused, then visible to sighted keyboard users.
    box = skip_link.bounding_box()
    assert box and box["width"] > 1 and box["height"] > 1 and box["y"] >= 0
    phone_page.keyboard.press("Enter")
    expect(phone_page.locator("main")).to_be_focused()
    # The next Tab continues inside the content, not back in the header.
    phone_page.keyboard.press("Tab")
    assert phone_page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_every_tab_stop_shows_where_the_focus_is(phone_page, city):
    """WCAG 2.4.7: each element reached with Tab draws a visible focus indicator."""
    log_in(phone_page, city["resident"].email)
    phone_page.goto("/ateliers/place-du-marche/")
    unmarked = []
    for _ in range(25):
        phone_page.keyboard.press("Tab")
        style = phone_page.evaluate(
            """() => {
                const el = document.activeElement;
                if (el === document.body) return null;  // past the last stop
                const css = getComputedStyle(el);
                return {html: el.outerHTML.slice(0, 80), outline: css.outlineStyle,
                        width: css.outlineWidth, shadow: css.boxShadow};
            }"""
        )
        if style is None:
            continue
        drawn = style["outline"] != "none" and style["width"] != "0px"
        if not drawn and style["shadow"] == "none":
            unmarked.append(style["html"])
    assert not unmarked, "no visible focus on:\n" + "\n".join(unmarked)


def test_join_a_workshop_with_the_keyboard_only(phone_page, city):
    page = phone_page
    log_in(page, city["resident"].email)
    page.goto("/ateliers/place-du-marche/")
    tab_to(page, r"^take part in this workshop$")
    page.keyboard.press("Enter")
    page.wait_for_url("**/participer/")
    # The capacity radios: Tab lands on the checked one (Resident), an arrow moves to the next.
    tab_to(page, r"^resident$")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Association", exact=True)).to_be_checked()
    tab_to(page, r"name of your association")
    page.keyboard.type("Les Amis du marché")
    tab_to(page, r"^join the workshop$")
    page.keyboard.press("Enter")
    expect(page.get_by_text("You take part as Association.")).to_be_visible()
    participation = Participation.objects.get(workshop=city["workshop"], user=city["resident"])
    assert participation.capacity == Capacity.ASSOCIATION
    assert participation.association_name == "Les Amis du marché"
    assert_no_console_errors(page)


def test_filters_work_without_javascript(no_js_page, city):
    page = no_js_page
    page.goto("/ateliers/")
    page.get_by_label("Neighbourhood").select_option(label="Quartier de la Gare")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/ateliers/\?.*neighbourhood="))
    main = page.locator("main")
    expect(main.get_by_role("link", name="Une rue scolaire avenue Jaurès")).to_be_visible()
    expect(main.get_by_text("Réaménagement participatif")).to_have_count(0)


def test_join_without_javascript(no_js_page, city):
    page = no_js_page
    log_in(page, city["resident"].email)
    page.goto("/ateliers/place-du-marche/")
    page.get_by_role("link", name="Take part in this workshop").click()
    expect(page.get_by_label("Resident", exact=True)).to_be_checked()
    page.get_by_role("button", name="Join the workshop").click()
    expect(page.get_by_text("You take part as Resident.")).to_be_visible()
    assert Participation.objects.filter(
        workshop=city["workshop"], user=city["resident"], capacity=Capacity.RESIDENT
    ).exists()
