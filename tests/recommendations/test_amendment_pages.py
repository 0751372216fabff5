"""Amendments and versions through the pages: who sees which button, the forms and their
refusals, the versions compared, and query budgets that do not grow with the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.recommendations import amendments, services
from ateliers.recommendations.amendment_selectors import ON_PAGE
from ateliers.recommendations.models import Amendment, AmendmentStatus, Recommendation
from tests.factories import ParticipationFactory, UserFactory
from tests.roles import assert_refused

pytestmark = pytest.mark.django_db

TEXT = "Installer des bancs sous les platanes."


@pytest.fixture
def recommendation(workshop, author):
    return services.recommendation_draft(
        workshop=workshop, by=author, title="Des bancs", text=TEXT, general_interest="L'été."
    )


def propose(recommendation, by, text="Installer des bancs et des fontaines.", reason="L'été."):
    return amendments.amendment_propose(
        recommendation=recommendation, by=by, text=text, reason=reason
    )


def test_a_participant_proposes_an_amendment_from_the_current_text(
    client, recommendation, proposer
):
    client.force_login(proposer)
    page = client.get(recommendation.get_absolute_url())
    url = reverse("recommendations:amend", args=[recommendation.pk])
    assert url in page.content.decode()
    form = client.get(url)
    assert form.status_code == 200 and TEXT in form.content.decode()

    sent = client.post(url, {"text": TEXT + " Et des fontaines.", "reason": "Il fait chaud."})

    amendment = Amendment.objects.get()
    assert sent.status_code == 302
    assert sent["Location"].endswith(f"#amendement-{amendment.pk}")
    shown = client.get(recommendation.get_absolute_url()).content.decode()
    assert "Il fait chaud." in shown and "Awaiting the authors" in shown
    assert "<ins>" in shown and "fontaines" in shown


def test_a_proposal_sent_twice_makes_one_amendment(client, recommendation, proposer):
    client.force_login(proposer)
    url = reverse("recommendations:amend", args=[recommendation.pk])
    answers = {
        "text": "Autre texte.",
        "reason": "Mieux.",
        "submission_key": "7b7c1f2e-2f3c-4d5e-8f90-1a2b3c4d5e6f",
    }
    assert client.post(url, answers).status_code == 302
    assert client.post(url, answers).status_code == 302
    assert Amendment.objects.count() == 1


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"text": TEXT, "reason": "Rien."}, "the same as the recommendation&#x27;s current text"),
        ({"text": "Autre.", "reason": ""}, "Say why you propose this change."),
        ({"text": "", "reason": "Oui."}, "This field is required."),
    ],
)
def test_a_bad_proposal_shows_its_message_and_writes_nothing(
    client, recommendation, proposer, answers, message
):
    client.force_login(proposer)
    page = client.post(reverse("recommendations:amend", args=[recommendation.pk]), answers)
    assert page.status_code == 200
    assert message in page.content.decode()
    assert not Amendment.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_who_does_not_take_part_cannot_propose(client, recommendation, who):
    if who == "resident":
        client.force_login(UserFactory())
    url = reverse("recommendations:amend", args=[recommendation.pk])
    assert url not in client.get(recommendation.get_absolute_url()).content.decode()
    assert_refused(client.post(url, {"text": "Autre.", "reason": "Oui."}), who)
    assert not Amendment.objects.exists()


def test_the_author_accepts_after_a_confirmation_and_the_versions_page_shows_it(
    client, recommendation, author, proposer
):
    amendment = propose(recommendation, proposer)
    client.force_login(author)
    page = client.get(recommendation.get_absolute_url()).content.decode()
    accept = reverse("recommendations:amendment_accept", args=[amendment.pk])
    assert accept in page

    confirmation = client.get(accept)
    assert confirmation.status_code == 200
    assert "Accept this amendment?" in confirmation.content.decode()
    assert Amendment.objects.get().status == AmendmentStatus.PENDING

    assert client.post(accept).status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.version == 2 and recommendation.text == amendment.text

    versions = client.get(reverse("recommendations:versions", args=[recommendation.pk]))
    body = versions.content.decode()
    assert versions.status_code == 200
    assert "From version 1 to version 2" in body
    assert "fontaines" in body and "<ins>" in body
    # Accepting again: the amendment is answered, the person is told so.
    again = client.post(accept, follow=True)
    assert "already answered" in again.content.decode()


def test_accepting_an_amendment_written_against_an_older_version_shows_what_it_would_undo(
    client, recommendation, author, proposer
):
    older = propose(recommendation, proposer, text="Installer des bancs sous les tilleuls.")
    newer = propose(recommendation, proposer, text="Installer des bancs et des arbres.")
    amendments.amendment_accept(amendment=newer, by=author)
    client.force_login(author)

    page = client.get(reverse("recommendations:amendment_accept", args=[older.pk]))
    body = page.content.decode()

    assert "written against version 1; the recommendation is now at version 2" in body
    # From the current text ("… et des arbres.") to the amendment's: the trees would go.
    assert "What it changes in the current version 2" in body
    assert body.count('class="diff"') == 2
    assert "arbres" in body.split("What it changes in the current version 2")[1]
    fresh = propose(recommendation, proposer, text="Installer des bancs et des arbres hauts.")
    body = client.get(reverse("recommendations:amendment_accept", args=[fresh.pk])).content.decode()
    assert "What it changes in the current version" not in body


def test_the_author_rejects_with_a_reason_then_its_author_puts_it_to_the_adoption(
    client, recommendation, author, proposer
):
    amendment = propose(recommendation, proposer)
    client.force_login(author)
    reject = reverse("recommendations:amendment_reject", args=[amendment.pk])
    empty = client.post(reject, {"reason": "  "})
    assert empty.status_code == 200
    assert "Say why the amendment is rejected" in empty.content.decode()
    assert client.post(reject, {"reason": "Trop cher pour la ville."}).status_code == 302
    assert Amendment.objects.get().status == AmendmentStatus.REJECTED

    client.force_login(proposer)
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "Trop cher pour la ville." in page
    vote = reverse("recommendations:amendment_put_to_vote", args=[amendment.pk])
    assert vote in page
    assert client.post(vote).status_code == 302
    assert Amendment.objects.get().put_to_vote
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "Put to the adoption on its own" in page and vote not in page


def test_someone_else_cannot_answer(client, recommendation, proposer):
    amendment = propose(recommendation, proposer)
    client.force_login(proposer)
    for name in ("amendment_accept", "amendment_reject"):
        url = reverse(f"recommendations:{name}", args=[amendment.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"reason": "Non."}).status_code == 403
    assert Amendment.objects.get().status == AmendmentStatus.PENDING


def test_a_frozen_recommendation_shows_no_amendment_button(
    client, recommendation, author, proposer
):
    amendment = propose(recommendation, proposer)
    Recommendation.objects.filter(pk=recommendation.pk).update(
        status=Recommendation.Status.SUBMITTED
    )
    client.force_login(author)
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert reverse("recommendations:amendment_accept", args=[amendment.pk]) not in page
    assert reverse("recommendations:amend", args=[recommendation.pk]) not in page
    assert (
        client.post(reverse("recommendations:amendment_accept", args=[amendment.pk])).status_code
        == 403
    )


def test_empty_states(client, recommendation):
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "No amendment has been proposed yet." in page
    versions = client.get(reverse("recommendations:versions", args=[recommendation.pk]))
    assert "only one version so far" in versions.content.decode()
    listing = client.get(reverse("recommendations:amendments", args=[recommendation.pk]))
    assert "No amendment has been proposed yet." in listing.content.decode()


def test_any_two_versions_are_compared_and_bad_numbers_are_refused(
    client, recommendation, author, proposer
):
    for index in range(3):
        amendment = propose(recommendation, proposer, text=f"Texte numéro {index}.")
        amendments.amendment_accept(amendment=amendment, by=author)
    url = reverse("recommendations:versions", args=[recommendation.pk])

    default = client.get(url).content.decode()
    assert "From version 3 to version 4" in default
    chosen = client.get(url, {"de": 1, "a": 3}).content.decode()
    assert "From version 1 to version 3" in chosen and "platanes" in chosen
    same = client.get(url, {"de": 2, "a": 2}).content.decode()
    assert "These two versions are the same." in same
    for bad in ({"de": 99, "a": 1}, {"de": "x"}, {"a": "<script>"}):
        refused = client.get(url, bad)
        assert refused.status_code == 200
        assert "Select a valid choice" in refused.content.decode()
        assert "<script>" not in refused.content.decode()


def test_a_hidden_workshops_pages_are_not_found(client, recommendation):
    recommendation.workshop.status = recommendation.workshop.Status.DRAFT
    recommendation.workshop.save()
    for name in ("versions", "amendments"):
        assert (
            client.get(reverse(f"recommendations:{name}", args=[recommendation.pk])).status_code
            == 404
        )


def test_the_recommendation_page_caps_its_amendments_and_links_to_all(
    client, recommendation, proposer
):
    for index in range(ON_PAGE + 1):
        propose(recommendation, proposer, text=f"Texte {index}.")
    page = client.get(recommendation.get_absolute_url()).content.decode()
    listing = reverse("recommendations:amendments", args=[recommendation.pk])
    assert page.count('class="amendment ') == ON_PAGE and listing in page
    assert client.get(listing).content.decode().count('class="amendment ') == ON_PAGE + 1


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_amendments(recommendation, author, number):
    """`number` amendments from as many participants: a third accepted (each a version),
    a third rejected and put to the adoption, the rest pending."""
    for index in range(number):
        person = ParticipationFactory(workshop=recommendation.workshop).user
        amendment = propose(recommendation, person, text=f"Texte n° {index} du {person.pk}.")
        if index % 3 == 0:
            amendments.amendment_accept(amendment=amendment, by=author)
        elif index % 3 == 1:
            amendments.amendment_reject(amendment=amendment, by=author, reason="Non.")
            amendments.amendment_put_to_vote(amendment=amendment, by=person)


@pytest.mark.parametrize("who", ["anonymous", "author", "proposer"])
def test_the_pages_ask_as_many_queries_for_2_and_30_amendments(
    client, recommendation, author, proposer, who
):
    if who != "anonymous":
        client.force_login(author if who == "author" else proposer)
    urls = [
        recommendation.get_absolute_url(),
        reverse("recommendations:amendments", args=[recommendation.pk]),
        reverse("recommendations:versions", args=[recommendation.pk]),
    ]
    add_amendments(recommendation, author, 2)
    few = [queries(client, url) for url in urls]

    add_amendments(recommendation, author, 28)

    assert [queries(client, url) for url in urls] == few
