"""The workshop's dossier for the town hall with the parts the apps above add
(recommendations/dossier_parts.py): the delegates and the hearing (the town hall's), the
evaluation once published (the evaluations'); publishing the evaluation makes the dossier's
PDF out of date, and the parts cost a fixed number of queries."""

import datetime

import pypdf
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ateliers.recommendations.dossier import digest, dossier_of
from ateliers.recommendations.dossier_pdf import dossier_state
from ateliers.recommendations.models import Dossier
from ateliers.townhall import delegates
from ateliers.workshops.selectors import workshop_for_page
from tests.factories import ParticipationFactory
from tests.roles import log_in
from tests.townhall.delegates_data import hearing

from .evaluation_data import ended_workshop, facilitator_of, published, written

pytestmark = pytest.mark.django_db


def page_url(workshop) -> str:
    return reverse("recommendations:dossier", args=[workshop.slug])


def elect(workshop, *names: str) -> None:
    people = [
        ParticipationFactory(workshop=workshop, user__display_name=name).user for name in names
    ]
    delegates.delegates_elect(
        actor=facilitator_of(workshop), workshop=workshop, elected=[(p, None) for p in people]
    )


@pytest.fixture
def workshop():
    workshop = ended_workshop(10, title="Des bancs place des Halles")
    elect(workshop, "Inès Déléguée", "Omar Délégué")
    hearing(
        workshop,
        timezone.now() - datetime.timedelta(days=3),
        body_name="Commission cadre de vie",
    )
    return workshop_for_page(slug=workshop.slug)


def parts(workshop) -> dict:
    return {
        part.name: part.data for part in dossier_of(workshop_for_page(slug=workshop.slug)).parts
    }


def test_the_dossier_names_the_delegates_and_the_hearing(workshop):
    town_hall = parts(workshop)["townhall"]

    assert town_hall["delegates"] == ["Inès Déléguée", "Omar Délégué"]
    assert town_hall["method"] == "election"
    assert town_hall["hearing"]["body"] == "Commission cadre de vie"
    assert town_hall["hearing"]["heard"] is True


def test_the_evaluation_joins_the_dossier_only_once_published(workshop):
    team = facilitator_of(workshop)
    written(workshop, by=team, explanation="Brouillon.", indicators=1)
    assert "evaluation" not in parts(workshop)

    published(workshop, by=team, outcome="met", explanation="Les dix bancs sont posés.")
    evaluation = parts(workshop)["evaluation"]

    assert evaluation["outcome"] == "met"
    assert evaluation["explanation"] == "Les dix bancs sont posés."
    assert evaluation["indicators"] == [
        {"name": "Bancs posés 1", "target": "10", "value": "0", "measured": False}
    ]
    assert evaluation["published_at"] is not None


def test_the_dossier_page_shows_the_delegates_the_hearing_and_the_evaluation(client, workshop):
    published(
        workshop,
        outcome="partly_met",
        explanation="Huit bancs sur dix.",
        measures=("participants",),
    )

    body = client.get(page_url(workshop)).content.decode()

    assert "At the town hall" in body
    assert "Inès Déléguée" in body and "Omar Délégué" in body
    assert "Elected by the participants" in body
    assert "Heard by Commission cadre de vie on" in body
    assert "Objective partly met" in body
    assert "Huit bancs sur dix." in body
    assert "measured by the platform" in body
    assert "not recorded on the platform yet" not in body


def test_a_published_evaluation_makes_the_pdf_out_of_date(
    client, workshop, django_capture_on_commit_callbacks
):
    team = facilitator_of(workshop)  # before the PDF: the dossier names its facilitators
    log_in(client, "city_staff")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("recommendations:make_dossier", args=[workshop.slug]))
    made = Dossier.objects.get(workshop=workshop)
    assert made.state == Dossier.State.READY
    assert dossier_state(workshop=workshop)[1] is True
    written(workshop, by=team, explanation="Pas encore publié.")
    assert dossier_state(workshop=workshop)[1] is True  # a draft changes nothing

    published(workshop, by=team, explanation="Les dix bancs sont posés.")

    assert dossier_state(workshop=workshop)[1] is False
    assert "out of date" in client.get(page_url(workshop)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("recommendations:make_dossier", args=[workshop.slug]))
    again = Dossier.objects.get(workshop=workshop)
    assert again.source == digest(dossier_of(workshop_for_page(slug=workshop.slug)))
    assert again.source != made.source
    with again.pdf.open("rb") as stream:
        text = " ".join(page.extract_text() for page in pypdf.PdfReader(stream).pages)
    assert "Les dix bancs sont posés." in " ".join(text.split())
    assert "Inès Déléguée" in text


def test_the_parts_cost_the_same_queries_for_few_and_many(workshop):
    """Two for the town hall's part (the delegates, the hearing), two for the evaluation's (the
    evaluation, its indicators), whatever their number."""
    few = ended_workshop()
    elect(few, "Léa Seule")
    published(few, indicators=2)
    published(workshop, indicators=12)

    def count(of) -> int:
        loaded = workshop_for_page(slug=of.slug)
        with CaptureQueriesContext(connection) as captured:
            dossier_of(loaded)
        return len(captured)

    assert count(few) == count(workshop)
