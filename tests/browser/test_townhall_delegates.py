"""The delegates page in a browser: it passes axe for a visitor and for the team before and
after a draw, and so does the draw form; a participant volunteers (and withdraws) with the
keyboard only; the page and the draw form fit a 375 px screen without JavaScript."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ateliers.core.models import Role
from ateliers.townhall import delegates
from ateliers.townhall.models import Delegation, Volunteer
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory
from tests.recommendations.dossier_data import adopt
from tests.townhall.delegates_data import hearing, session_pages, volunteers

from .conftest import check_page, log_in
from .test_keyboard import PHONE, tab_to

pytestmark = pytest.mark.browser
__all__ = ["session_pages"]  # a fixture, used by name

URL = "/mairie/ateliers/place-du-marche/delegues/"
DRAW_URL = URL + "tirage/"


@pytest.fixture
def city(transactional_db, session_pages):
    workshop = WorkshopFactory(
        # A long title and unbroken words are what push a narrow page sideways.
        title="Réaménagement participatif de la place du marché et de ses abords immédiats",
        slug="place-du-marche",
        phase=PhaseKind.PRESENTATION,
    )
    facilitator = UserFactory(role=Role.FACILITATOR, display_name="Fatou Animatrice")
    workshop.facilitators.add(facilitator)
    resident = ParticipationFactory(
        workshop=workshop, user__display_name="Jean-Baptiste Habitant-du-Centre"
    ).user
    volunteers(workshop, 5, user__display_name="Marie-Christine Volontaire-des-Halles")
    hearing(
        workshop,
        timezone.now() + datetime.timedelta(days=20),
        body_name="Commission urbanisme et cadre de vie",
    )
    adopt(workshop, title="Des bancs ombragés", author=resident)
    return {"workshop": workshop, "facilitator": facilitator, "resident": resident}


def draw(city) -> None:
    delegates.delegates_draw(
        actor=city["facilitator"], workshop=city["workshop"], seats=3, seed="loto-2026-05-12"
    )


def test_the_page_and_the_draw_form_pass_axe_before_and_after_a_draw(make_page, city):
    visitor = make_page(language="en")
    visitor.goto(URL)
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Delegates and hearing")
    check_page(visitor)

    page = make_page(language="en")
    log_in(page, city["facilitator"].email)
    page.goto(URL)
    check_page(page)
    page.get_by_role("link", name="Draw the delegates by lot").click()
    page.wait_for_url(f"**{DRAW_URL}")
    check_page(page)

    # Sent without ticking the confirmation: the form says why, and still passes axe.
    page.get_by_label("Number of delegates").fill("3")
    page.get_by_role("button", name="Draw the delegates").click()
    expect(page.get_by_text("Tick the box to confirm").first).to_be_visible()
    check_page(page)
    page.get_by_label("Public seed (optional)").fill("loto-2026-05-12")
    page.get_by_label("I confirm").check()
    page.get_by_role("button", name="Draw the delegates").click()

    expect(page.get_by_text("The delegates are drawn.").first).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Marie-Christine Volontaire-des-Halles")
    expect(page.get_by_text("python manage.py verify_draw place-du-marche")).to_be_visible()
    assert Delegation.objects.get().seed == "loto-2026-05-12"
    check_page(page)

    visitor.goto(URL)
    expect(visitor.locator("tbody tr")).to_have_count(5)
    check_page(visitor)


def test_a_participant_volunteers_and_withdraws_with_the_keyboard_only(make_page, city):
    page = make_page(language="en")
    log_in(page, city["resident"].email)
    page.goto(URL)

    tab_to(page, r"^I volunteer$")
    page.keyboard.press("Enter")

    expect(page.get_by_text("You volunteered: you may be drawn").first).to_be_visible()
    expect(page.get_by_text("6 participants have volunteered so far.")).to_be_visible()
    assert Volunteer.objects.filter(user=city["resident"]).exists()
    check_page(page)

    tab_to(page, r"^I withdraw$")
    page.keyboard.press("Enter")

    expect(page.get_by_text("You withdrew").first).to_be_visible()
    expect(page.get_by_role("button", name="I volunteer")).to_be_visible()
    assert not Volunteer.objects.filter(user=city["resident"]).exists()


@pytest.mark.parametrize("drawn", [False, True], ids=["before-the-draw", "after-the-draw"])
@pytest.mark.parametrize("who", ["visitor", "facilitator", "resident"])
def test_the_page_fits_a_phone_without_javascript(make_page, city, who, drawn):
    if drawn:
        draw(city)
    page = make_page(language="en", viewport=PHONE, java_script_enabled=False)
    if who != "visitor":
        log_in(page, city[who].email)
    paths = [URL] + ([DRAW_URL] if who == "facilitator" and not drawn else [])
    for path in paths:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a 375px screen"
    if drawn:
        # The tickets wrap (in groups of 8 characters): the table needs no sideways scroll.
        table = page.locator(".table-wrap")
        assert table.evaluate("wrap => wrap.scrollWidth <= wrap.clientWidth")
