"""Amendments in a browser: a participant drafts a recommendation, another proposes an
amendment, the author accepts it and the versions page shows the difference — with the
keyboard only; the same pages without JavaScript on a phone; axe on each new page."""

import pytest
from playwright.sync_api import Page, expect

from ateliers.recommendations import amendments, services
from ateliers.recommendations.models import Amendment, Recommendation
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

from .conftest import check_page, log_in
from .test_keyboard import PHONE, tab_to

pytestmark = pytest.mark.browser

TEXT = "Installer des bancs sous les platanes de la rue du Marché."
AMENDED = "Installer des bancs **à dossier** sous les platanes de la rue du Marché."


@pytest.fixture
def city(transactional_db):
    workshop = WorkshopFactory(
        title="Piétonniser la rue du Marché et ses abords immédiats",
        slug="rue-du-marche",
        phase=PhaseKind.RECOMMENDATIONS,
    )
    author = UserFactory(display_name="Jean-Baptiste Habitant-du-Centre")
    neighbour = UserFactory(display_name="Nora Voisine")
    for person in (author, neighbour):
        ParticipationFactory(workshop=workshop, user=person)
    return {"workshop": workshop, "author": author, "neighbour": neighbour}


def type_into(page: Page, label: str, text: str, *, clear: bool = False) -> None:
    tab_to(page, label)
    if clear:
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
    page.keyboard.type(text)


def press_on(page: Page, pattern: str) -> None:
    tab_to(page, pattern)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_draft_amend_accept_and_compare_with_the_keyboard_only(make_page, city):
    author_page = make_page(language="en")
    log_in(author_page, city["author"].email)
    author_page.goto("/preconisations/atelier/rue-du-marche/rediger/")
    type_into(author_page, r"^Title", "Des bancs rue du Marché")
    type_into(author_page, r"^The recommendation", TEXT)
    type_into(author_page, r"^The general interest", "Se reposer en faisant son marché.")
    press_on(author_page, r"^Draft it$")
    expect(author_page.get_by_text("Your recommendation is drafted.").first).to_be_visible()
    recommendation = Recommendation.objects.get()

    neighbour_page = make_page(language="en")
    log_in(neighbour_page, city["neighbour"].email)
    neighbour_page.goto(recommendation.get_absolute_url())
    check_page(neighbour_page)
    press_on(neighbour_page, r"^Propose an amendment$")
    check_page(neighbour_page)
    type_into(neighbour_page, r"^The text you propose", AMENDED, clear=True)
    type_into(neighbour_page, r"^Why this change", "Les personnes âgées s'y adossent.")
    press_on(neighbour_page, r"^Propose this amendment$")
    expect(neighbour_page.get_by_text("Your amendment is proposed.").first).to_be_visible()
    check_page(neighbour_page)

    author_page.goto(recommendation.get_absolute_url())
    press_on(author_page, r"^Accept this amendment$")
    check_page(author_page)
    press_on(author_page, r"^Accept the amendment$")
    expect(author_page.get_by_text("The amendment is accepted").first).to_be_visible()
    press_on(author_page, r"^Compare the versions$")
    check_page(author_page)

    expect(author_page.get_by_text("From version 1 to version 2")).to_be_visible()
    inserted = author_page.locator(".diff ins")
    expect(inserted.first).to_contain_text("inserted:")
    assert "à dossier" in " ".join(inserted.all_text_contents())
    recommendation.refresh_from_db()
    assert (recommendation.version, recommendation.text) == (2, AMENDED)


@pytest.fixture
def amended(city):
    recommendation = services.recommendation_draft(
        workshop=city["workshop"],
        by=city["author"],
        title="Des bancs rue du Marché",
        text=TEXT,
        general_interest="Se reposer en faisant son marché.",
    )
    amendment = amendments.amendment_propose(
        recommendation=recommendation,
        by=city["neighbour"],
        text=AMENDED,
        reason="Les personnes âgées s'y adossent.",
    )
    return recommendation, amendment


def follow(page: Page, target) -> None:
    """Click a link or a submit button and wait for the page it loads (without JavaScript,
    each is a page load: measuring before it has come would read no document)."""
    with page.expect_navigation():
        target.click()


def assert_fits_a_phone(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a 375px screen"


def test_the_same_flow_without_javascript_on_a_phone(make_page, city, amended):
    recommendation, amendment = amended
    rejected = amendments.amendment_propose(
        recommendation=recommendation,
        by=city["neighbour"],
        text=TEXT + " Et des fontaines.",
        reason="Il fait chaud.",
    )
    page = make_page(language="en", java_script_enabled=False, viewport=PHONE)
    log_in(page, city["author"].email)
    page.goto(recommendation.get_absolute_url())
    assert_fits_a_phone(page)

    follow(page, page.get_by_role("link", name="Reject this amendment").first)  # the latest
    assert_fits_a_phone(page)
    page.get_by_label("Why the amendment is rejected").fill("Pas de budget pour l'eau.")
    follow(page, page.get_by_role("button", name="Reject the amendment"))
    expect(page.get_by_text("The amendment is rejected.").first).to_be_visible()

    follow(page, page.get_by_role("link", name="Accept this amendment"))
    assert_fits_a_phone(page)
    follow(page, page.get_by_role("button", name="Accept the amendment"))
    expect(page.get_by_text("The amendment is accepted").first).to_be_visible()
    assert_fits_a_phone(page)

    follow(page, page.get_by_role("link", name="Compare the versions"))
    assert_fits_a_phone(page)
    page.get_by_label("From version").select_option("2")
    page.get_by_label("To version").select_option("1")
    follow(page, page.get_by_role("button", name="Compare"))
    expect(page.get_by_text("From version 2 to version 1")).to_be_visible()
    assert_fits_a_phone(page)

    assert Amendment.objects.get(pk=amendment.pk).status == "accepted"
    assert Amendment.objects.get(pk=rejected.pk).answer == "Pas de budget pour l'eau."


@pytest.mark.parametrize("name", ["reject", "amendments", "versions"])
def test_the_other_new_pages_are_accessible(make_page, city, amended, name):
    recommendation, amendment = amended
    page = make_page(language="en")
    log_in(page, city["author"].email)
    page.goto(
        {
            "reject": f"/preconisations/amendements/{amendment.pk}/rejeter/",
            "amendments": f"/preconisations/{recommendation.pk}/amendements/",
            "versions": f"/preconisations/{recommendation.pk}/versions/",
        }[name]
    )
    check_page(page)
