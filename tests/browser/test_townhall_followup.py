"""The follow-up in a real browser: the list with filters, a recommendation's road, the answer
form with its errors and a council's submission pass axe; the city's answer is given with the
keyboard only; the pages fit a phone without JavaScript."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ateliers.core.models import Role
from ateliers.townhall.models import AgendaItem, Answer, Session
from tests.factories import NeighbourhoodFactory, ThemeFactory, UserFactory
from tests.townhall.followup_factories import (
    a_body,
    adopted,
    answered,
    answering_workshop,
    heard,
    milestone,
    submission,
)

from .conftest import check_page, log_in
from .test_keyboard import PHONE, tab_to

pytestmark = pytest.mark.browser
DAY = datetime.timedelta(days=1)


@pytest.fixture
def city(transactional_db):
    workshop = answering_workshop(
        title="Des rues apaisées autour des écoles du quartier de la Gare",
        slug="rues-apaisees",
        neighbourhood=NeighbourhoodFactory(name="Quartier de la Gare", slug="gare"),
    )
    workshop.themes.add(ThemeFactory(name="Mobilités", slug="mobilites"))
    heard(workshop, timezone.now() - 120 * DAY)
    waiting = adopted(workshop, title="Une rue scolaire devant chaque école élémentaire")
    done = adopted(workshop, title="Des arceaux à vélos")
    answer = answered(done, status=Answer.Status.PARTIALLY_ACCEPTED)
    milestone(answer, title="Pose des arceaux", done=True)
    milestone(answer, title="Stationnement sécurisé", target_date=timezone.localdate() - DAY)
    sent = submission(title="Un conseil des enfants consulté sur les cours d'école")
    session = Session.objects.create(
        body=a_body(), starts_at=timezone.now() - 3 * DAY, place="Salle du conseil"
    )
    AgendaItem.objects.create(
        session=session, position=1, kind="submission", title=sent.title, submission=sent
    )
    staff = UserFactory(role=Role.CITY_STAFF, display_name="Chloé Technicienne")
    return {"waiting": waiting, "done": done, "submission": sent, "staff": staff}


def road(recommendation) -> str:
    return f"/suivi/preconisations/{recommendation.pk}/"


def test_the_followup_with_filters_passes_axe(english_page, city):
    english_page.goto("/suivi/?answer=awaiting&overdue=on&neighbourhood=gare")
    expect(english_page.get_by_text("Une rue scolaire devant chaque école").first).to_be_visible()
    expect(english_page.get_by_text("Overdue:").first).to_be_visible()
    check_page(english_page)


def test_a_road_and_a_submission_pass_axe(english_page, city):
    english_page.goto(road(city["done"]))
    expect(english_page.get_by_text("Late:").first).to_be_visible()
    check_page(english_page)
    english_page.goto(f"/mairie/saisines/{city['submission'].pk}/")
    expect(english_page.get_by_text("Heard by Commission cadre de vie").first).to_be_visible()
    check_page(english_page)


def test_the_answer_form_with_errors_passes_axe(english_page, city):
    log_in(english_page, city["staff"].email)
    english_page.goto(road(city["waiting"]) + "reponse/")
    english_page.get_by_label("Rejected").check()
    english_page.get_by_role("button", name="Publish the answer").click()
    expect(english_page.get_by_text("a justification is required").first).to_be_visible()
    check_page(english_page)


def test_city_staff_answer_with_the_keyboard_only(english_page, city):
    page = english_page
    log_in(page, city["staff"].email)
    page.goto(road(city["waiting"]))
    tab_to(page, r"^Give the city's answer$")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{road(city['waiting'])}reponse/")
    tab_to(page, r"^\s*Accepted\s*$")
    page.keyboard.press("Space")
    tab_to(page, r"^Service responsible")
    page.keyboard.type("Direction de l'éducation")
    tab_to(page, r"^Elected official responsible")
    page.keyboard.type("Adjointe à l'éducation")
    tab_to(page, r"^Publish the answer$")
    page.keyboard.press("Enter")
    expect(page.get_by_text("The city's answer is published").first).to_be_visible()
    expect(page.get_by_text("The city's answer: Accepted").first).to_be_visible()
    assert Answer.objects.get(recommendation=city["waiting"]).service == "Direction de l'éducation"
    check_page(page)


@pytest.mark.parametrize("where", ["list", "road", "submission"])
def test_the_pages_fit_a_phone_without_javascript(make_page, city, where):
    page = make_page(language="en", viewport=PHONE, java_script_enabled=False)
    path = {
        "list": "/suivi/?overdue=on",
        "road": road(city["done"]),
        "submission": f"/mairie/saisines/{city['submission'].pk}/",
    }[where]
    page.goto(path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width}px wide on a 375px screen"
