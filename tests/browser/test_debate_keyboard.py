"""The debate's pages on a phone, with the keyboard only, and without JavaScript: reading a
topic, posting a contribution, replying, reporting."""

import pytest
from playwright.sync_api import expect

from ateliers.core.models import Role
from ateliers.debate import services
from ateliers.debate.models import Contribution, Report
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

from .conftest import log_in
from .test_keyboard import PHONE, tab_to

pytestmark = pytest.mark.browser


@pytest.fixture
def city(transactional_db):
    workshop = WorkshopFactory(
        title="Réaménagement participatif de la place du marché et de ses abords immédiats",
        slug="place-du-marche",
        phase=PhaseKind.DEBATE,
    )
    staff = UserFactory(role=Role.CITY_STAFF)
    resident = UserFactory(display_name="Jean-Baptiste Habitant-du-Centre")
    neighbour = UserFactory(display_name="Nora Voisine")
    for person in (resident, neighbour):
        ParticipationFactory(workshop=workshop, user=person)
    topic = services.topic_open(
        workshop=workshop,
        title="Stationnement et livraisons pendant et après les travaux de la place",
        description="Où se garer ?",
        by=staff,
    )
    contribution = services.contribution_post(
        topic=topic,
        kind="against",
        text="Supprimerlesplacesdestationnementsanssolutiondereportpénaliseraitlescommerces.",
        by=neighbour,
    )
    services.contribution_reply(parent=contribution, text="Un parking relais ?", by=staff)
    return {
        "workshop": workshop,
        "topic": topic,
        "contribution": contribution,
        "resident": resident,
        "neighbour": neighbour,
    }


PAGES = {
    "debate": lambda c: "/debat/atelier/place-du-marche/",
    "topic": lambda c: c["topic"].get_absolute_url(),
    "columns": lambda c: f"/debat/sujets/{c['topic'].pk}/pour-et-contre/",
    "contribution": lambda c: c["contribution"].get_absolute_url(),
    "report": lambda c: f"/debat/contributions/{c['contribution'].pk}/signaler/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_no_horizontal_scroll_on_a_phone(make_page, city, name):
    page = make_page(language="en", viewport=PHONE)
    log_in(page, city["resident"].email)
    page.goto(PAGES[name](city))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} is {width}px wide on a 375px screen"


def test_posting_a_contribution_with_the_keyboard_only(make_page, city):
    page = make_page(language="en")
    log_in(page, city["resident"].email)
    page.goto(city["topic"].get_absolute_url())

    tab_to(page, r"^For$")  # a group of radio buttons: the arrows choose within it
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.type("Combien de places de livraison ?")
    tab_to(page, r"^Post$")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your contribution is posted.").first).to_be_visible()

    posted = Contribution.objects.get(author=city["resident"])
    assert (posted.kind, posted.text) == ("question", "Combien de places de livraison ?")


def test_replying_and_reporting_without_javascript(make_page, city):
    page = make_page(language="en", java_script_enabled=False)
    log_in(page, city["resident"].email)
    page.goto(city["contribution"].get_absolute_url())

    page.get_by_label("Your reply").fill("Et pour les personnes à mobilité réduite ?")
    page.get_by_role("button", name="Post the reply").click()
    expect(page.get_by_text("Your reply is posted.").first).to_be_visible()
    page.get_by_role("link", name=f"Report contribution #{city['contribution'].pk}").click()
    page.get_by_label("Off topic").check()
    page.get_by_role("button", name="Report").click()
    expect(page.get_by_text("Thank you: the moderators").first).to_be_visible()

    assert Contribution.objects.filter(parent=city["contribution"]).count() == 2
    assert Report.objects.filter(reporter=city["resident"]).exists()
