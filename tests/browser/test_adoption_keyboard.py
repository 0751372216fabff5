"""The adoption with the keyboard only: a facilitator records a vote in a meeting, a participant
votes online; the adoption page passes axe and fits a phone without JavaScript."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ateliers.recommendations import adoption, services
from ateliers.recommendations.models import Adoption, Ballot, Recommendation
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

from .conftest import assert_accessible, log_in
from .test_keyboard import PHONE, tab_to

pytestmark = pytest.mark.browser
URL = "/preconisations/atelier/acces-aux-droits/adoption/"


@pytest.fixture
def city(transactional_db):
    workshop = WorkshopFactory(
        title="L'accès aux droits pour toutes et tous",
        slug="acces-aux-droits",
        phase=PhaseKind.RECOMMENDATIONS,
    )
    facilitator = UserFactory(display_name="Fatou Animatrice")
    workshop.facilitators.add(facilitator)
    voter = UserFactory(display_name="Jean-Baptiste Habitant-du-Centre")
    ParticipationFactory(workshop=workshop, user=voter)
    to_record, to_vote = (
        services.recommendation_draft(
            workshop=workshop,
            by=voter,
            title=title,
            text="Une demi-journée par semaine.",
            general_interest="Personne ne renonce à ses droits faute d'aide.",
        )
        for title in ("Une permanence dans chaque maison de quartier", "Un guide en langage clair")
    )
    adoption.adoption_open(workshop=workshop, by=facilitator)
    now = timezone.now()
    online = adoption.adoption_record(
        recommendation=to_vote,
        by=facilitator,
        method=Adoption.Method.ONLINE_VOTE,
        vote_opens_at=now - datetime.timedelta(hours=1),
        vote_closes_at=now + datetime.timedelta(days=2),
    )
    return {"facilitator": facilitator, "voter": voter, "to_record": to_record, "online": online}


def test_a_facilitator_records_a_meeting_vote_with_the_keyboard_only(make_page, city):
    page = make_page(language="en")
    log_in(page, city["facilitator"].email)
    page.goto(URL)
    assert_accessible(page)
    tab_to(page, r"^Record how it was decided")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/preconisations/{city['to_record'].pk}/adoption/")
    tab_to(page, r"^Consensus in a meeting$")
    page.keyboard.press("ArrowDown")  # the radio group: the arrows choose within it
    for label, value in (("Votes for", "12"), ("Votes against", "3"), ("Abstentions", "2")):
        tab_to(page, rf"^{label}:?$")
        page.keyboard.type(value)
    tab_to(page, r"^I confirm")
    page.keyboard.press("Space")
    tab_to(page, r"^Record$")
    page.keyboard.press("Enter")
    expect(page.get_by_text("How it was decided is recorded.").first).to_be_visible()
    expect(page.get_by_text("12 for, 3 against, 2 abstentions").first).to_be_visible()
    assert Recommendation.objects.get(pk=city["to_record"].pk).status == "adopted"


def test_a_participant_votes_online_with_the_keyboard_only(make_page, city):
    page = make_page(language="en")
    log_in(page, city["voter"].email)
    page.goto(URL)
    assert_accessible(page)
    tab_to(page, r"^Against$")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your vote is counted.").first).to_be_visible()
    expect(page.get_by_text("You voted.").first).to_be_visible()
    assert Ballot.objects.filter(user=city["voter"]).count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("who", ["facilitator", "voter"])
def test_the_adoption_page_fits_a_phone_without_javascript(make_page, city, who):
    page = make_page(language="en", viewport=PHONE, java_script_enabled=False)
    log_in(page, city[who].email)
    page.goto(URL)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the adoption page is {width}px wide on a 375px screen"
