"""The town hall's bodies in a browser: the bodies list, a body, a session with a workshop's
dossier on its agenda and the form to add an item pass axe; the city team adds an agenda item
with the keyboard only; the session's page fits a phone without JavaScript."""

import pytest
from playwright.sync_api import expect

from ateliers.townhall import services
from ateliers.townhall.models import AgendaItem, Body, ItemKind
from tests.townhall.bodies_data import (
    body,
    city_staff,
    delegates_for,
    session,
    submission,
    workshop_with_dossier,
)

from .conftest import check_page, log_in
from .test_keyboard import PHONE, tab_to

pytestmark = pytest.mark.browser


@pytest.fixture
def town(transactional_db):
    staff = city_staff()
    council = body(Body.Kind.MUNICIPAL_COUNCIL, "Conseil municipal", by=staff)
    commission = body(
        Body.Kind.COMMISSION,
        "Commission de l'urbanisme, des mobilités et de l'aménagement des espaces publics",
        description="Elle prépare les délibérations du conseil sur la ville et ses rues.",
        by=staff,
    )
    body(Body.Kind.CONSULTATIVE_COMMITTEE, "Comité consultatif des usagers du port", by=staff)
    for name, role in (("Marie-Hélène Adjointe-au-Maire", "chair"), ("Paul Conseiller", "member")):
        services.member_add(
            actor=staff, body=commission, name=name, capacity="councillor", role=role
        )
    session(council, days=20, place="Salle du conseil, hôtel de ville", by=staff)
    hearing = session(commission, days=10, place="Salle Jean-Jaurès, 2e étage", by=staff)
    heard = workshop_with_dossier(
        "Réaménagement participatif de la place du marché et de ses abords immédiats",
        slug="place-du-marche",
    )
    delegates_for(heard, "Jean-Baptiste Habitant-du-Centre", "Inès Déléguée")
    services.item_add(actor=staff, session=hearing, kind=ItemKind.DOSSIER, workshop=heard)
    services.item_add(
        actor=staff,
        session=hearing,
        kind=ItemKind.SUBMISSION,
        submission=submission("Un avis sur les pistes cyclables de l'avenue", by=staff),
    )
    services.item_add(actor=staff, session=hearing, kind=ItemKind.VOEU, title="Un vœu pour la gare")
    to_hear = workshop_with_dossier("Une rue scolaire avenue Jaurès", slug="rue-scolaire")
    return {
        "staff": staff,
        "commission": commission,
        "session": hearing,
        "to_hear": to_hear,
    }


def test_the_town_hall_pages_pass_axe(make_page, town):
    page = make_page(language="en")
    for address in (
        "/mairie/",
        town["commission"].get_absolute_url(),
        town["session"].get_absolute_url(),
    ):
        page.goto(address)
        check_page(page)
    expect(page.get_by_text("Delegates heard:")).to_be_visible()

    log_in(page, town["staff"].email)
    for address in (
        "/mairie/",
        town["session"].get_absolute_url(),
        town["session"].get_absolute_url() + "ordre-du-jour/ajouter/",
    ):
        page.goto(address)
        check_page(page)


def test_the_city_team_adds_an_agenda_item_with_the_keyboard_only(make_page, town):
    page = make_page(language="en")
    log_in(page, town["staff"].email)
    page.goto(town["session"].get_absolute_url())

    tab_to(page, r"^Add an agenda item$")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ordre-du-jour/ajouter/")
    tab_to(page, r"^A workshop.s dossier$")
    page.keyboard.press("Space")
    tab_to(page, r"^Workshop \(for a workshop.s dossier\)")
    page.keyboard.press("ArrowDown")  # the first workshop, below "Choose a workshop"
    tab_to(page, r"^Add to the agenda$")
    page.keyboard.press("Enter")

    expect(page.get_by_text("The item is on the agenda.")).to_be_visible()
    added = AgendaItem.objects.get(workshop=town["to_hear"])
    assert added.session == town["session"] and added.position == 4
    expect(page.get_by_role("heading", name=added.title)).to_be_visible()
    expect(page.get_by_text("The workshop's delegates are not chosen yet.")).to_be_visible()


@pytest.mark.parametrize("who", ["visitor", "staff"])
def test_the_session_page_fits_a_phone_without_javascript(make_page, town, who):
    page = make_page(language="en", viewport=PHONE, java_script_enabled=False)
    if who == "staff":
        log_in(page, town["staff"].email)
    page.goto(town["session"].get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text("Commission de l")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the session page is {width}px wide on a 375px screen"
