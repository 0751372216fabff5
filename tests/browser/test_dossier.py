"""The workshop's dossier page in a browser: it passes axe for a visitor and for the team, fits
a phone, its PDF is made without JavaScript, and with JavaScript its PDF block follows the
making until the download link appears."""

import pytest
from playwright.sync_api import expect

from ateliers.core.models import Role
from ateliers.recommendations.models import Dossier
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    ParticipationFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.recommendations.dossier_data import adopt, not_adopt

from .conftest import check_page, log_in
from .test_keyboard import PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def city(transactional_db):
    workshop = WorkshopFactory(
        phase=PhaseKind.PRESENTATION,
        title="Réaménagement participatif de la place du marché et de ses abords immédiats",
        slug="place-du-marche",
    )
    facilitator = UserFactory(role=Role.FACILITATOR, display_name="Bruno Animateur")
    workshop.facilitators.add(facilitator)
    author = ParticipationFactory(workshop=workshop, user__display_name="Inès Autrice").user
    for capacity in ("resident", "expert", "elected"):
        ParticipationFactory(workshop=workshop, capacity=capacity)
    adopt(
        workshop,
        title="Des bancs ombragés sous les platanes de la place, tous les vingt mètres",
        author=author,
        dissent="Les bancs attirent le bruit la nuit, disent des riverains de la rue des Halles.",
    )
    adopt(workshop, title="Une fontaine à boire", author=author)
    not_adopt(workshop, title="Un parking souterrain", author=author)
    DocumentFactory(workshop=workshop, title="Plan topographique de la place")
    MeetingFactory(workshop=workshop, title="Visite commentée de la place")
    return {"workshop": workshop, "facilitator": facilitator}


URL = "/preconisations/atelier/place-du-marche/dossier/"


def test_the_dossier_passes_axe_for_a_visitor_and_fits_a_phone(make_page, city):
    page = make_page(viewport=PHONE)
    page.goto(URL)

    expect(page.get_by_role("heading", level=1)).to_contain_text("Réaménagement participatif")
    check_page(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the dossier is {width}px wide on a 375px screen"


def test_the_team_makes_the_pdf_without_javascript(make_page, city):
    page = make_page(language="en", java_script_enabled=False, viewport=PHONE)
    log_in(page, city["facilitator"].email)
    page.goto(URL)

    page.get_by_role("button", name="Make the PDF").click()

    # The test server runs the task at once: the page it comes back to offers the PDF.
    expect(page.get_by_text("The PDF is being made.").first).to_be_visible()
    page.goto(URL)
    expect(page.get_by_role("link", name="Download the dossier (PDF)")).to_be_visible()
    assert Dossier.objects.get().state == Dossier.State.READY

    # axe runs in the page: the page with its PDF ready is checked with JavaScript on.
    checked = make_page(viewport=PHONE)
    log_in(checked, city["facilitator"].email)
    checked.goto(URL)
    check_page(checked)
    width = checked.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the dossier is {width}px wide on a 375px screen"


def test_with_javascript_the_pdf_block_follows_the_making(make_page, city):
    dossier = Dossier.objects.create(
        workshop=city["workshop"], state=Dossier.State.MAKING, progress=60, source="x"
    )
    page = make_page(language="en")
    log_in(page, city["facilitator"].email)
    page.goto(URL)
    expect(page.get_by_text("The PDF is being made — 60 %.")).to_be_visible()
    check_page(page)

    Dossier.objects.filter(pk=dossier.pk).update(state=Dossier.State.FAILED, error="Pango")

    expect(page.get_by_text("The PDF could not be made.")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("button", name="Make the PDF")).to_be_visible()
    check_page(page)
