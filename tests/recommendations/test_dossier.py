"""The workshop's dossier for the town hall: what it shows, its page for each person, and its
PDF made in the background (tagged, in French, made again only when the content changed)."""

import io
from unittest import mock

import pypdf
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ateliers.core.models import Role
from ateliers.opinions.models import MapSnapshot
from ateliers.recommendations import dossier_pdf, dossier_tasks
from ateliers.recommendations.dossier import digest, dossier_of
from ateliers.recommendations.models import Dossier
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.selectors import workshop_for_page
from tests.factories import (
    ContributionFactory,
    ConversationFactory,
    DocumentFactory,
    MeetingFactory,
    NeighbourhoodFactory,
    ParticipationFactory,
    StatementFactory,
    TopicFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.roles import log_in

from .dossier_data import adopt, not_adopt

pytestmark = pytest.mark.django_db


def page_url(workshop) -> str:
    return reverse("recommendations:dossier", args=[workshop.slug])


def make_url(workshop) -> str:
    return reverse("recommendations:make_dossier", args=[workshop.slug])


def pdf_url(workshop) -> str:
    return reverse("recommendations:dossier_pdf", args=[workshop.slug])


@pytest.fixture
def workshop():
    workshop = WorkshopFactory(phase=PhaseKind.PRESENTATION, title="Réaménager la place")
    north = NeighbourhoodFactory(name="Nord")
    for capacity, number in (("resident", 3), ("association", 1)):
        for _ in range(number):
            ParticipationFactory(
                workshop=workshop,
                capacity=capacity,
                association_name="Les Amis" if capacity == "association" else "",
                user=UserFactory(neighbourhood=north),
            )
    ParticipationFactory(workshop=workshop, capacity="expert")  # no neighbourhood given
    author = UserFactory(display_name="Inès Autrice")
    adopt(
        workshop,
        title="Des bancs sous les platanes",
        author=author,
        general_interest="Les personnes âgées peuvent se reposer.",
        dissent="Les bancs attirent le bruit la nuit.",
    )
    not_adopt(workshop, title="Un parking souterrain", author=author)
    DocumentFactory(workshop=workshop, title="Plan du site")
    MeetingFactory(workshop=workshop, title="Visite de la place")
    topic = TopicFactory(workshop=workshop)
    ContributionFactory(topic=topic)
    ContributionFactory(topic=topic, kind="question")
    conversation = ConversationFactory(workshop=workshop, question="Quelle place voulons-nous ?")
    shared = StatementFactory(conversation=conversation, text="Plus d'arbres.")
    MapSnapshot.objects.create(
        conversation=conversation,
        computed_at=timezone.now(),
        duration=0.1,
        n_participants=12,
        n_statements=1,
        n_votes=30,
        n_groups=1,
        result={
            "groups": [
                {
                    "label": "A",
                    "size": 12,
                    "representative": [{"statement": shared.pk, "direction": "agree"}],
                }
            ],
            "shared": [shared.pk],
        },
    )
    return workshop_for_page(slug=workshop.slug)


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    """Press "Make the PDF": the task runs once the request's transaction commits."""

    def post(workshop, **options):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(make_url(workshop), **options)

    return post


def read_pdf(dossier: Dossier) -> pypdf.PdfReader:
    with dossier.pdf.open("rb") as stream:
        return pypdf.PdfReader(io.BytesIO(stream.read()))


# What it shows ----------------------------------------------------------------------------


def test_the_dossier_shows_the_workshop_its_people_and_what_each_phase_produced(workshop):
    data = dossier_of(workshop)

    assert data.title == "Réaménager la place"
    assert data.participants == 5
    assert [(str(c.label), c.number) for c in data.by_capacity] == [
        ("Resident", 3),
        ("Association", 1),
        ("Expert", 1),
    ]
    assert [(str(c.label), c.number) for c in data.by_neighbourhood] == [
        ("Nord", 4),
        ("Not given", 1),
    ]
    assert data.documents == ["Plan du site"]
    assert [meeting.title for meeting in data.meetings] == ["Visite de la place"]
    assert data.debate.topics == 1
    assert data.debate.total == 2
    [opinion_map] = data.maps
    assert opinion_map.shared == ["Plus d'arbres."]
    assert opinion_map.groups[0].representative == [("Plus d'arbres.", "agree")]
    [adopted] = data.adopted
    assert adopted.authors == ["Inès Autrice"]
    assert (adopted.decision.votes_for, adopted.decision.votes_against) == (14, 3)
    assert [dissent.text for dissent in adopted.dissents] == [
        "Les bancs attirent le bruit la nuit."
    ]
    assert [other.title for other in data.others] == ["Un parking souterrain"]


def test_the_dossier_names_no_participant_who_did_not_write_an_adopted_recommendation(
    client, workshop
):
    hidden = ParticipationFactory(workshop=workshop, user__display_name="Zoé Discrète").user
    body = client.get(page_url(workshop)).content.decode()

    assert "Inès Autrice" in body
    assert hidden.display_name not in body


def test_the_selector_asks_the_same_queries_for_5_and_50_recommendations():
    workshop = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    author = ParticipationFactory(workshop=workshop).user

    def count() -> int:
        loaded = workshop_for_page(slug=workshop.slug)
        with CaptureQueriesContext(connection) as captured:
            dossier_of(loaded)
        return len(captured)

    for index in range(5):
        adopt(workshop, title=f"P{index}", author=author, dissent="Non." if index % 2 else "")
    few = count()
    for index in range(45):
        adopt(workshop, title=f"Q{index}", author=author, dissent="Non.")
        ParticipationFactory(workshop=workshop)
    # 12, and two for what the adopted recommendations build on (recommendations/grounds.py);
    # and the parts the apps above add (dossier_parts.py): two for the town hall's (the
    # delegates, the hearing), one for the evaluation's (two once it is published).
    assert count() == few <= 14 + 4


# The page ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "may_make"),
    [("anonymous", False), ("participant", False), ("facilitator", True), ("city_staff", True)],
)
def test_the_page_shows_the_dossier_to_everyone_and_the_button_to_the_team(
    client, workshop, who, may_make
):
    log_in(client, who, workshops=[workshop])
    response = client.get(page_url(workshop))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Des bancs sous les platanes" in body
    assert "Les personnes âgées peuvent se reposer." in body
    assert "Un parking souterrain" in body
    assert ("Make the PDF" in body) is may_make
    assert "No PDF of the dossier has been made yet." in body


def test_a_draft_workshops_dossier_is_not_found_for_the_public(client):
    workshop = WorkshopFactory(status="draft", phase=PhaseKind.PRESENTATION)
    assert client.get(page_url(workshop)).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "participant", "facilitator"])
def test_the_page_asks_the_same_queries_for_5_and_50_recommendations(client, who):
    workshop = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    log_in(client, who, workshops=[workshop])
    author = ParticipationFactory(workshop=workshop).user

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page_url(workshop)).status_code == 200
        return len(captured)

    for index in range(5):
        adopt(workshop, title=f"P{index}", author=author, dissent="Non.")
    few = queries()
    for index in range(45):
        adopt(workshop, title=f"Q{index}", author=author, dissent="Non.")
        not_adopt(workshop, title=f"R{index}", author=author)
    assert queries() == few


def test_the_recommendations_page_links_to_the_dossier(client, workshop):
    body = client.get(reverse("recommendations:of_workshop", args=[workshop.slug])).content
    assert page_url(workshop).encode() in body


# Making the PDF ---------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "participant", "elected"])
def test_only_the_team_may_ask_for_the_pdf(client, workshop, who):
    log_in(client, who, workshops=[workshop])
    response = client.post(make_url(workshop))

    assert response.status_code in (302, 403)
    if who == "anonymous":
        assert reverse("account_login") in response["Location"]
    else:
        assert response.status_code == 403
    assert not Dossier.objects.exists()


def test_the_team_makes_a_tagged_french_pdf_that_everyone_may_download(client, ask, workshop):
    log_in(client, "facilitator", workshops=[workshop])

    ask(workshop)

    dossier = Dossier.objects.get(workshop=workshop)
    assert dossier.state == Dossier.State.READY
    assert dossier.progress == 100
    assert dossier.pages >= 1
    assert dossier.made_at is not None
    assert dossier.source == digest(dossier_of(workshop))
    body = client.get(page_url(workshop)).content.decode()
    assert "Download the dossier (PDF)" in body
    assert "out of date" not in body

    reader = read_pdf(dossier)
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert "Réaménager la place" in flat
    assert "Des bancs sous les platanes" in flat
    assert "Les personnes âgées peuvent se reposer." in flat
    # French whatever the requester reads (the client reads English here).
    assert "Débat" in flat
    assert "Réaménager la place" in reader.metadata.title
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "fr"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog

    client.logout()
    download = client.get(pdf_url(workshop))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_no_pdf_to_download_before_it_is_made(client, workshop):
    assert client.get(pdf_url(workshop)).status_code == 404


def test_asking_again_with_unchanged_content_does_not_make_it_again(client, ask, workshop):
    log_in(client, "facilitator", workshops=[workshop])
    ask(workshop)
    made = Dossier.objects.get(workshop=workshop)

    with mock.patch.object(dossier_pdf, "render_pdf", wraps=dossier_pdf.render_pdf) as render:
        response = ask(workshop, follow=True)

    render.assert_not_called()
    again = Dossier.objects.get(workshop=workshop)
    assert (again.pdf.name, again.made_at) == (made.pdf.name, made.made_at)
    assert "The PDF is up to date" in response.content.decode()


def test_a_new_adopted_recommendation_makes_the_pdf_out_of_date_and_it_is_made_again(
    client, ask, workshop
):
    log_in(client, "facilitator", workshops=[workshop])
    ask(workshop)
    first = Dossier.objects.get(workshop=workshop)

    adopt(workshop, title="Une fontaine à boire", author=UserFactory())

    body = client.get(page_url(workshop)).content.decode()
    assert "out of date" in body
    assert "Make the PDF again" in body
    ask(workshop)
    second = Dossier.objects.get(workshop=workshop)
    assert second.state == Dossier.State.READY
    assert second.source != first.source
    assert not second.pdf.storage.exists(first.pdf.name)
    text = " ".join(page.extract_text() for page in read_pdf(second).pages)
    assert "Une fontaine à boire" in " ".join(text.split())


def test_two_requests_at_once_enqueue_one_task(workshop, django_capture_on_commit_callbacks):
    with (
        mock.patch.object(dossier_tasks, "make_dossier_pdf") as task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        dossier_pdf.dossier_request(workshop=workshop)
        dossier_pdf.dossier_request(workshop=workshop)

    assert task.enqueue.call_count == 1
    dossier = Dossier.objects.get(workshop=workshop)
    assert dossier.state == Dossier.State.QUEUED
    # The task, run twice, makes the PDF once.
    source = dossier.source
    assert dossier_pdf.dossier_make(dossier_id=dossier.pk, source=source) is True
    assert dossier_pdf.dossier_make(dossier_id=dossier.pk, source=source) is False


def test_a_failure_is_recorded_and_can_be_retried(client, ask, workshop):
    log_in(client, "facilitator", workshops=[workshop])
    with mock.patch.object(dossier_pdf, "render_pdf", side_effect=RuntimeError("Pango a dit non")):
        ask(workshop)
    dossier = Dossier.objects.get(workshop=workshop)
    assert dossier.state == Dossier.State.FAILED
    assert "Pango a dit non" in dossier.error
    assert not dossier.pdf
    assert "The PDF could not be made." in client.get(page_url(workshop)).content.decode()

    ask(workshop)

    dossier.refresh_from_db()
    assert (dossier.state, dossier.error) == (Dossier.State.READY, "")


def test_the_page_shows_the_progress_while_it_is_being_made(client, workshop):
    with mock.patch.object(dossier_tasks, "make_dossier_pdf"):
        dossier = dossier_pdf.dossier_request(workshop=workshop)
    Dossier.objects.filter(pk=dossier.pk).update(state=Dossier.State.MAKING, progress=60)
    log_in(client, "facilitator", workshops=[workshop])

    body = client.get(page_url(workshop)).content.decode()
    block = client.get(page_url(workshop), headers={"HX-Request": "true"}).content.decode()

    for html in (body, block):
        assert "The PDF is being made — 60 %." in html
        assert 'hx-trigger="every 3s"' in html
        assert "Make the PDF" not in html
    assert "<h1>" not in block


def test_city_staff_may_make_it_after_the_workshop_ended(client, ask):
    workshop = WorkshopFactory(finished=True)
    client.force_login(UserFactory(role=Role.CITY_STAFF))
    with mock.patch.object(dossier_tasks, "make_dossier_pdf") as task:
        assert ask(workshop).status_code == 302
    assert task.enqueue.call_count == 1
