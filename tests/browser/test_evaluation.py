"""The evaluation in a browser: its page passes axe as the team's draft and as the public's
published evaluation, and so does the write form showing its errors; a facilitator writes and
publishes it with the keyboard only; the pages fit a 375 px screen without JavaScript."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ateliers.evaluations import services
from ateliers.evaluations.models import Evaluation
from tests.evaluations.evaluation_data import facilitator_of
from tests.factories import DAY, ParticipationFactory, WorkshopFactory

from .conftest import check_page, log_in
from .test_keyboard import PHONE, tab_to

pytestmark = pytest.mark.browser

URL = "/evaluations/ateliers/place-du-marche/"


@pytest.fixture
def city(transactional_db):
    ends_at = timezone.now() - datetime.timedelta(days=3)
    workshop = WorkshopFactory(
        # A long title and unbroken words are what push a narrow page sideways.
        title="Réaménagement participatif de la place du marché et de ses abords immédiats",
        slug="place-du-marche",
        starts_at=ends_at - 50 * DAY,
        ends_at=ends_at,
    )
    for _index in range(4):
        ParticipationFactory(workshop=workshop)
    facilitator = facilitator_of(workshop)
    services.indicator_add(
        actor=facilitator,
        workshop=workshop,
        name="Bancs posés sur la place et dans les rues piétonnes attenantes",
        value="8",
        target="10",
    )
    services.indicator_add(actor=facilitator, workshop=workshop, measure="participants")
    return {"workshop": workshop, "facilitator": facilitator}


def publish(city) -> None:
    services.evaluation_save(
        actor=city["facilitator"],
        workshop=city["workshop"],
        outcome="partly_met",
        explanation="Huit bancs sur dix sont posés ; les deux derniers attendent les travaux.",
    )
    services.evaluation_publish(actor=city["facilitator"], workshop=city["workshop"])


def test_the_draft_the_published_page_and_the_form_with_errors_pass_axe(make_page, city):
    page = make_page(language="en")
    log_in(page, city["facilitator"].email)
    page.goto(URL)
    expect(page.get_by_text("Draft: only the workshop's team sees it")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("measured by the platform")
    check_page(page)

    page.get_by_role("link", name="Write the evaluation").click()
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("there is nothing to save yet").first).to_be_visible()
    check_page(page)

    publish(city)
    visitor = make_page(language="en")
    visitor.goto(URL)
    expect(visitor.get_by_text("Objective partly met")).to_be_visible()
    expect(visitor.get_by_role("table")).to_contain_text("4")
    check_page(visitor)


def test_a_facilitator_writes_and_publishes_with_the_keyboard_only(make_page, city):
    page = make_page(language="en")
    log_in(page, city["facilitator"].email)
    page.goto(URL)

    tab_to(page, r"^Write the evaluation$")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{URL}rediger/")
    tab_to(page, r"^Objective met$")
    page.keyboard.press("ArrowDown")  # moves to, and chooses, "partly met"
    tab_to(page, r"^Explanation")
    page.keyboard.type("Huit bancs sur dix sont posés.")
    tab_to(page, r"^Save the draft$")
    page.keyboard.press("Enter")
    expect(page.get_by_text("The evaluation is saved.").first).to_be_visible()

    tab_to(page, r"^Publish the evaluation$")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{URL}publier/")
    tab_to(page, r"^Yes, publish the evaluation$")
    page.keyboard.press("Enter")

    expect(page.get_by_text("The evaluation is published.").first).to_be_visible()
    evaluation = Evaluation.objects.get()
    assert evaluation.is_published
    assert (evaluation.outcome, evaluation.explanation) == (
        "partly_met",
        "Huit bancs sur dix sont posés.",
    )
    check_page(page)


@pytest.mark.parametrize("published", [False, True], ids=["draft", "published"])
@pytest.mark.parametrize("who", ["visitor", "facilitator"])
def test_the_pages_fit_a_phone_without_javascript(make_page, city, who, published):
    if published:
        publish(city)
    page = make_page(language="en", viewport=PHONE, java_script_enabled=False)
    if who == "facilitator":
        log_in(page, city["facilitator"].email)
    paths = [URL]
    if who == "facilitator" and not published:
        paths += [URL + "rediger/", URL + "indicateurs/ajouter/", URL + "publier/"]
    for path in paths:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a 375px screen"
