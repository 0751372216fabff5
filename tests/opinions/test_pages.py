"""The opinion map through its pages: who may vote, write, open and review (role x moment),
voting with and without htmx, the results page, the query budgets, and hostile text that
must stay inert in the pages and in the Polis export."""

import io
import zipfile
from html import unescape

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.opinions import services
from ateliers.opinions.models import Conversation, MapSnapshot, Statement, Vote, Voter
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind
from tests.factories import ConversationFactory, StatementFactory, UserFactory, WorkshopFactory
from tests.french import french
from tests.roles import ROLES, WORKSHOP_MANAGERS, assert_refused, log_in

pytestmark = pytest.mark.django_db

MOMENTS = {
    "debate phase": (Workshop.Status.PUBLISHED, {"phase": PhaseKind.DEBATE}, True),
    "information phase": (Workshop.Status.PUBLISHED, {"phase": PhaseKind.INFORMATION}, False),
    "finished": (Workshop.Status.PUBLISHED, {"finished": True}, False),
    "archived": (Workshop.Status.ARCHIVED, {"phase": PhaseKind.DEBATE}, False),
}
TAKING_PART = WORKSHOP_MANAGERS | {"participant"}


def conversation_in(moment):
    status, when, _open = MOMENTS[moment]
    workshop = WorkshopFactory(status=status, **when)
    conversation = ConversationFactory(workshop=workshop)
    return conversation, StatementFactory(conversation=conversation)


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_voting(client, role, moment):
    conversation, statement = conversation_in(moment)
    log_in(client, role, workshops=[conversation.workshop])

    response = client.post(
        reverse("opinions:vote", args=[conversation.pk]),
        {"statement": statement.pk, "vote": "agree"},
    )

    if role in TAKING_PART and MOMENTS[moment][2]:
        assert response.status_code == 302
        assert Vote.objects.get().value == 1
    else:
        assert_refused(response, role)
        assert not Vote.objects.exists()


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_writing_a_statement(client, role, moment):
    conversation, _statement = conversation_in(moment)
    log_in(client, role, workshops=[conversation.workshop])

    response = client.post(
        reverse("opinions:write", args=[conversation.pk]), {"text": "Des arbres partout."}
    )

    if role in TAKING_PART and MOMENTS[moment][2]:
        assert response.status_code == 302
        assert Statement.objects.filter(text="Des arbres partout.", status="pending").exists()
    else:
        assert_refused(response, role)
        assert Statement.objects.count() == 1


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_opening_a_conversation_and_reviewing(client, role, moment):
    conversation, _statement = conversation_in(moment)
    pending = StatementFactory(conversation=conversation, status="pending", is_seed=False)
    workshop = conversation.workshop
    log_in(client, role, workshops=[workshop])

    opened = client.post(
        reverse("opinions:open", args=[workshop.slug]),
        {"question": "Et la place ?", "review": "after", "seeds": "Des bancs.\nDes arbres."},
    )
    reviewed = client.post(
        reverse("opinions:review", args=[conversation.pk]),
        {"statement": pending.pk, "decision": "accept"},
    )

    if role in WORKSHOP_MANAGERS and MOMENTS[moment][2]:
        assert opened.status_code == reviewed.status_code == 302
        assert Conversation.objects.filter(question="Et la place ?").exists()
        assert Statement.objects.get(pk=pending.pk).status == "accepted"
    else:
        assert_refused(opened, role)
        assert_refused(reviewed, role)
        assert Conversation.objects.count() == 1
        assert Statement.objects.get(pk=pending.pk).status == "pending"


@pytest.mark.parametrize("role", ROLES)
def test_reading_results_and_exporting(client, role):
    conversation, _statement = conversation_in("finished")
    log_in(client, role, workshops=[conversation.workshop])

    page = client.get(reverse("opinions:results", args=[conversation.pk]))
    export = client.get(reverse("opinions:export", args=[conversation.pk]))

    assert page.status_code == 200
    if role in WORKSHOP_MANAGERS:
        assert export.status_code == 200 and export["Content-Type"] == "application/zip"
    else:
        assert_refused(export, role)


def test_a_drafts_conversation_is_hidden_from_the_public(client):
    conversation = ConversationFactory(workshop=WorkshopFactory(status="draft"))
    assert client.get(conversation.get_absolute_url()).status_code == 302  # log in first
    client.force_login(UserFactory())
    assert client.get(conversation.get_absolute_url()).status_code == 403


@pytest.fixture
def voting(debate):
    workshop, facilitator, participant = debate
    conversation = services.conversation_open(
        workshop=workshop,
        by=facilitator,
        question="Quelle rue scolaire ?",
        review="before",
        seeds=[f"Proposition {n}." for n in range(1, 4)],
    )
    return conversation, participant


def test_voting_without_javascript_goes_from_statement_to_statement(client, voting):
    conversation, participant = voting
    client.force_login(participant)
    url = conversation.get_absolute_url()
    seen = []
    for _ in range(3):
        page = client.get(url).content.decode()
        statement = Statement.objects.get(
            conversation=conversation,
            text=next(t for t in texts(conversation) if t in page and t not in seen),
        )
        seen.append(statement.text)
        response = client.post(
            reverse("opinions:vote", args=[conversation.pk]),
            {"statement": statement.pk, "vote": "disagree"},
        )
        assert response["Location"].endswith("#vote")
    page = client.get(url).content.decode()
    # A template's own words are not escaped (only what people write is).
    later = "Come back later: new statements arrive as participants write them."
    assert unescape(french(later)) in page
    assert Vote.objects.filter(value=-1).count() == 3


def texts(conversation):
    return list(conversation.statements.values_list("text", flat=True))


def test_with_htmx_the_next_statement_comes_in_the_card(client, voting):
    conversation, participant = voting
    client.force_login(participant)
    first = conversation.statements.order_by("position").first()
    response = client.post(
        reverse("opinions:vote", args=[conversation.pk]),
        {"statement": first.pk, "vote": "pass"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="vote-card"') and "<html" not in html
    assert "autofocus" in html and first.text not in html


def test_a_vote_is_changed_from_my_votes_and_nobody_else_sees_it(client, voting):
    conversation, participant = voting
    statement = conversation.statements.first()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.vote_cast(
            conversation=conversation, statement_id=statement.pk, user=participant, value=1
        )
    client.force_login(participant)
    response = client.post(
        reverse("opinions:vote", args=[conversation.pk]),
        {"statement": statement.pk, "vote": "disagree", "back": "mine"},
    )
    assert response["Location"] == reverse("opinions:my_votes", args=[conversation.pk])
    assert Vote.objects.get().value == -1
    mine = client.get(response["Location"]).content.decode()
    assert statement.text in mine
    # Another person's "my votes" page and the team's pages show nothing of it.
    client.force_login(conversation.workshop.facilitators.first())
    theirs = client.get(reverse("opinions:my_votes", args=[conversation.pk])).content.decode()
    assert unescape(french("You have not voted in this conversation yet.")) in theirs
    assert (
        participant.display_name
        not in client.get(reverse("opinions:results", args=[conversation.pk])).content.decode()
    )


def test_a_refused_vote_says_why_and_writes_nothing(client, voting):
    conversation, participant = voting
    client.force_login(participant)
    statement = conversation.statements.first()
    response = client.post(
        reverse("opinions:vote", args=[conversation.pk]),
        {"statement": statement.pk, "vote": "maybe"},
        follow=True,
    )
    assert french("This vote could not be read: choose agree, disagree or pass.") in (
        response.content.decode()
    )
    assert not Vote.objects.exists() and not Voter.objects.filter(user=participant).exists()


def test_a_too_long_statement_gets_a_message_on_the_form(client, voting):
    conversation, participant = voting
    client.force_login(participant)
    response = client.post(reverse("opinions:write", args=[conversation.pk]), {"text": "a" * 141})
    assert response.status_code == 200
    assert "140" in response.content.decode()
    assert conversation.statements.count() == 3


def grow(conversation, n_statements, n_voters):
    """Statements and voters in bulk, each voter on every statement."""
    conversation.refresh_from_db()
    base = conversation.last_position
    Statement.objects.bulk_create(
        Statement(
            conversation=conversation,
            position=base + i + 1,
            text=f"Proposition en plus {i}",
            status="accepted",
            created_at=conversation.opened_at,
        )
        for i in range(n_statements)
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_position=base + n_statements)
    first = conversation.voters.count() + 1000
    voters = Voter.objects.bulk_create(
        Voter(conversation=conversation, number=first + i, created_at=conversation.opened_at)
        for i in range(n_voters)
    )
    statements = list(conversation.statements.all())
    Vote.objects.bulk_create(
        Vote(
            conversation=conversation,
            voter=voter,
            statement=statement,
            value=(i + j) % 3 - 1,
            changed_at=conversation.opened_at,
        )
        for i, voter in enumerate(voters)
        for j, statement in enumerate(statements)
    )


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_vote_page_and_results_page_do_not_grow_with_the_rows(client, voting):
    conversation, participant = voting
    client.force_login(participant)
    vote_url = conversation.get_absolute_url()
    results_url = reverse("opinions:results", args=[conversation.pk])
    grow(conversation, 7, 12)  # 10 statements, 120 votes
    services.map_compute(conversation_id=conversation.pk, force=True)
    few = (count_queries(client, vote_url), count_queries(client, results_url))
    grow(conversation, 990, 10)  # 1,000 statements, 10,000 more votes
    services.map_compute(conversation_id=conversation.pk, force=True)
    assert MapSnapshot.objects.first().n_statements == 1000
    assert (count_queries(client, vote_url), count_queries(client, results_url)) == few


def test_the_results_page_queries(client, voting, django_assert_num_queries):
    conversation, _participant = voting
    grow(conversation, 10, 30)
    services.map_compute(conversation_id=conversation.pk, force=True)
    url = reverse("opinions:results", args=[conversation.pk])
    # 1 the conversation and its workshop, 2 its phases, 3 its facilitators (prefetched for
    # the rules), 4 the last snapshot, 5 the statements it lists.
    with django_assert_num_queries(5):
        client.get(url)


XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    '=HYPERLINK("http://evil.example")',
    "</textarea><b>gras</b>",
]


def test_hostile_text_stays_inert_in_the_pages_and_the_export(client, voting):
    conversation, participant = voting
    facilitator = conversation.workshop.facilitators.first()
    Conversation.objects.filter(pk=conversation.pk).update(review="after")
    conversation.refresh_from_db()
    written = [
        services.statement_submit(conversation=conversation, by=participant, text=text)
        for text in XSS
    ]
    for statement in written[:3]:
        services.statement_moderate(
            statement=statement, by=facilitator, decision="reject", reason=XSS[1] + XSS[0]
        )
    grow(conversation, 0, 0)
    for person in UserFactory.create_batch(8):
        for statement in conversation.statements.filter(status="accepted"):
            services.vote_cast(
                conversation=conversation, statement_id=statement.pk, user=person, value=1
            )
    services.map_compute(conversation_id=conversation.pk, force=True)
    pages = []
    client.force_login(participant)
    for name in ("conversation", "results", "my_votes"):
        pages.append(
            client.get(reverse(f"opinions:{name}", args=[conversation.pk])).content.decode()
        )
    client.force_login(facilitator)
    pages.append(client.get(reverse("opinions:review", args=[conversation.pk])).content.decode())
    pages.append(client.get("/activite/").content.decode())
    html = "\n".join(pages)
    for payload in ("<script>alert", "<img src=x", "<svg onload", "<b>gras</b>"):
        assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    export = client.get(reverse("opinions:export", args=[conversation.pk]))
    archive = zipfile.ZipFile(io.BytesIO(export.content))
    comments = archive.read("comments.csv").decode()
    assert export["Content-Disposition"].startswith("attachment;")
    assert "'=HYPERLINK" in comments  # a spreadsheet shows it, never runs it
    assert "\n=HYPERLINK" not in comments and ",=HYPERLINK" not in comments
