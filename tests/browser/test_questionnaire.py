"""The participants' questionnaire in a browser: the form passes axe (also showing an error),
and so do the results for the public and for the team, the page that says there are too few
answers and the team's confirmation; a participant answers with the keyboard only; the pages
fit a 375 px screen without JavaScript."""

import pytest
from playwright.sync_api import expect

from ateliers.core.models import Role
from ateliers.evaluations.models import Questionnaire, Response
from tests.evaluations.questionnaire_data import KNOWN_ANSWERS, answer_all, closed, opened, url
from tests.factories import NeighbourhoodFactory, ParticipationFactory, UserFactory, WorkshopFactory

from .conftest import check_page, log_in
from .test_keyboard import PHONE, tab_to

pytestmark = pytest.mark.browser

# A long title and unbroken words are what push a narrow page sideways.
TITLE = "Réaménagement participatif de la place du marché et de ses abords immédiats"


@pytest.fixture
def city(transactional_db):
    centre = NeighbourhoodFactory(name="Centre-ville", slug="centre-ville")
    NeighbourhoodFactory(name="Quartier de la Gare", slug="gare")
    workshop = WorkshopFactory(
        title=TITLE, slug="place-du-marche", neighbourhood=centre, finished=True
    )
    facilitator = UserFactory(role=Role.FACILITATOR, display_name="Fatou Animatrice")
    workshop.facilitators.add(facilitator)
    resident = ParticipationFactory(
        workshop=workshop, user__display_name="Jean-Baptiste Habitant-du-Centre"
    ).user
    questionnaire, people = opened(workshop, participants=6, team=facilitator)
    answer_all(questionnaire, people, KNOWN_ANSWERS)
    # Another finished workshop: opened with too few answers yet, and one not opened at all.
    few, few_people = opened(
        WorkshopFactory(title="Des fontaines", finished=True), team=facilitator
    )
    answer_all(few, few_people, KNOWN_ANSWERS[:2])
    not_opened = WorkshopFactory(title="Un square", finished=True)
    not_opened.facilitators.add(facilitator)
    ParticipationFactory(workshop=not_opened)
    return {
        "workshop": workshop,
        "few": few.workshop,
        "not_opened": not_opened,
        "facilitator": facilitator,
        "resident": resident,
    }


def test_the_form_passes_axe_also_with_an_error(make_page, city):
    page = make_page(language="en")
    log_in(page, city["resident"].email)
    page.goto(url("questionnaire", city["workshop"]))
    expect(page.get_by_role("heading", level=1)).to_have_text("The participants' questionnaire")
    expect(page.get_by_role("group", name="I was listened to")).to_be_visible()
    check_page(page)

    # Sent without a single answer: the form says so, and still passes axe.
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Please answer at least one question.")).to_be_visible()
    check_page(page)


def test_a_participant_answers_with_the_keyboard_only(make_page, city):
    page = make_page(language="en")
    log_in(page, city["resident"].email)
    page.goto(url("questionnaire", city["workshop"]))

    # "I understood the issues": into the group, then the arrows choose ("Agree").
    tab_to(page, r"^Strongly disagree$")
    page.keyboard.press("Space")
    for _step in range(3):
        page.keyboard.press("ArrowDown")
    # The next group is one Tab away: "Strongly agree" that "I could speak".
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    for _step in range(4):
        page.keyboard.press("ArrowDown")
    # "Would you take part again?": its first answer, then the next one ("Maybe").
    tab_to(page, r"^Yes$")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    tab_to(page, r"^What should change")
    page.keyboard.type("Des réunions le samedi.")
    tab_to(page, r"^Your age")
    for _step in range(3):
        page.keyboard.press("ArrowDown")
    tab_to(page, r"^Send my answers$")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Thank you: your answers are recorded anonymously.")).to_be_visible()
    expect(page.get_by_role("button", name="Send my answers")).to_have_count(0)
    kept = Response.objects.get(filled=True, change="Des réunions le samedi.")
    assert (kept.understood, kept.could_speak, kept.again, kept.age_band) == (
        4,
        5,
        "maybe",
        "30_44",
    )
    check_page(page)


def test_the_results_and_the_team_s_pages_pass_axe(make_page, city):
    # Results are published once the questionnaire has closed.
    for workshop in (city["workshop"], city["few"]):
        closed(Questionnaire.objects.get(workshop=workshop))
    visitor = make_page(language="en")
    visitor.goto(url("results", city["workshop"]))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "The participants' questionnaire: results"
    )
    expect(
        visitor.get_by_role("figure", name="I understood the issues (4 answers)")
    ).to_be_visible()
    expect(visitor.get_by_text("Plus de réunions le soir.")).to_have_count(0)
    check_page(visitor)
    visitor.goto(url("results", city["few"]))
    expect(visitor.get_by_text("Too few answers to publish")).to_be_visible()
    check_page(visitor)

    team = make_page(language="en")
    log_in(team, city["facilitator"].email)
    team.goto(url("results", city["workshop"]))
    expect(team.get_by_text("Plus de réunions le soir.")).to_be_visible()
    check_page(team)
    team.goto(url("results", city["not_opened"]))
    team.get_by_role("link", name="Invite the participants").click()
    expect(team.get_by_text("1 participant will be invited by e-mail")).to_be_visible()
    check_page(team)
    team.get_by_role("button", name="Invite the participants").click()
    expect(team.get_by_text("1 participant is invited")).to_be_visible()
    check_page(team)


@pytest.mark.parametrize("who", ["visitor", "resident", "facilitator"])
def test_the_pages_fit_a_phone_without_javascript(make_page, city, who):
    page = make_page(language="en", viewport=PHONE, java_script_enabled=False)
    if who != "visitor":
        log_in(page, city[who].email)
    paths = [
        url("questionnaire", city["workshop"]),
        url("results", city["workshop"]),
        url("results", city["few"]),
    ]
    if who == "facilitator":
        paths.append(url("questionnaire_open", city["not_opened"]))
    for path in paths:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a 375px screen"
    if who == "resident":
        # Without JavaScript, the plain form answers.
        page.goto(url("questionnaire", city["workshop"]))
        page.get_by_role("group", name="The facilitation was fair").get_by_label(
            "Agree", exact=True
        ).check()
        page.get_by_role("button", name="Send my answers").click()
        expect(page.get_by_text("Thank you: your answers are recorded")).to_be_visible()
        assert Response.objects.filter(filled=True, fair=4).count() == 1
