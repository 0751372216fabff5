"""The opinion map in a real browser: a participant votes through ten statements with the
keyboard only (htmx brings each next statement and moves the focus to it), another without
JavaScript (plain forms); its pages fit a phone's screen."""

import time

import pytest
from playwright.sync_api import expect

from ateliers.core.models import Role
from ateliers.opinions import services
from ateliers.opinions.models import Vote
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

from .conftest import assert_no_console_errors, log_in
from .test_keyboard import PHONE, focused, tab_to

pytestmark = pytest.mark.browser

STATEMENTS = [f"Proposition numéro {n} pour l'avenue Jaurès." for n in range(1, 11)]


@pytest.fixture
def conversation(transactional_db, settings):
    settings.OPINION_MAP_RECOMPUTE_SECONDS = 0
    workshop = WorkshopFactory(title="Une rue scolaire avenue Jaurès", phase=PhaseKind.DEBATE)
    staff = UserFactory(role=Role.CITY_STAFF)
    people = {}
    for key in ("keyboard", "no_js"):
        people[key] = UserFactory(display_name=f"Participant {key}")
        ParticipationFactory(workshop=workshop, user=people[key])
    conversation = services.conversation_open(
        workshop=workshop,
        by=staff,
        question="Faut-il fermer l'avenue Jaurès aux voitures à l'heure de l'école ?",
        review="before",
        seeds=STATEMENTS,
    )
    return conversation, people


def _focus_lands_on(page, element_id: str, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if page.evaluate("() => document.activeElement && document.activeElement.id") == (
            element_id
        ):
            return True
        page.wait_for_timeout(50)
    return False


def _htmx_at_rest(page) -> None:
    """Wait until htmx has loaded and has no request, swap or settle under way: a button of a
    card that htmx has not yet taken over would submit its form as a plain page load."""
    page.wait_for_function(
        "() => window.htmx !== undefined && !document.querySelector("
        "'.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
    )


def test_ten_statements_voted_with_the_keyboard_only(make_page, conversation):
    conversation, people = conversation
    page = make_page(language="en")
    log_in(page, people["keyboard"].email)
    page.goto(conversation.get_absolute_url())
    votes = ["Agree", "Disagree", "Pass"]
    for number in range(10):
        statement = page.locator("#vote-statement").inner_text()
        _htmx_at_rest(page)
        tab_to(page, f"^{votes[number % 3]}$")
        page.keyboard.press("Enter")
        # The next statement arrives in place and takes the focus, so that it is read out.
        expect(page.locator("#vote-statement")).not_to_have_text(statement)
        # (activeElement, not to_be_focused: under load the headless window itself may be
        # reported inactive, while the focus inside the page is what a reader follows.)
        assert page.url.endswith(conversation.get_absolute_url()), "the vote loaded a page"
        assert _focus_lands_on(page, "vote-statement")
        if number < 9:
            expect(page.locator("#vote-progress")).to_contain_text(f"voted on {number + 1} of 10")
    assert "voted on all 10 statements" in focused(page)
    assert page.url.endswith(conversation.get_absolute_url())  # no page load: htmx swapped
    assert Vote.objects.filter(voter__user=people["keyboard"]).count() == 10
    assert sorted(Vote.objects.values_list("value", flat=True)) == sorted(
        [1, -1, 0, 1, -1, 0, 1, -1, 0, 1]
    )
    assert_no_console_errors(page)


def test_voting_without_javascript_on_a_phone(make_page, conversation):
    conversation, people = conversation
    page = make_page(language="en", java_script_enabled=False, viewport=PHONE)
    log_in(page, people["no_js"].email)
    page.goto(conversation.get_absolute_url())
    for _ in range(10):
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the voting page is {width}px wide"
        with page.expect_navigation():
            page.get_by_role("button", name="Disagree", exact=True).click()
    expect(page.locator("#vote-statement")).to_contain_text("voted on all 10 statements")
    assert Vote.objects.filter(voter__user=people["no_js"], value=-1).count() == 10
    # The results page and the list of one's votes fit the phone too.
    for path in (
        f"/carte-des-avis/{conversation.pk}/resultats/",
        f"/carte-des-avis/{conversation.pk}/mes-votes/",
    ):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide"
    # A vote changed from "my votes", still without JavaScript.
    with page.expect_navigation():
        page.get_by_role("button", name="Agree").first.click()
    assert Vote.objects.filter(voter__user=people["no_js"], value=1).count() == 1
