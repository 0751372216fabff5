"""What a recommendation builds on, on its pages: typed in the draft and edit forms, listed on
the recommendation's page (in the same number of queries for 2 and 15 links), listed in the
dossier, and never running what people wrote; the statements have the anchors linked to."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.debate import services as debate
from ateliers.recommendations import services
from ateliers.recommendations.models import Recommendation
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    ContributionFactory,
    ConversationFactory,
    ParticipationFactory,
    StatementFactory,
    TopicFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.xss import PAYLOADS, live_problems

from .dossier_data import adopt

pytestmark = pytest.mark.django_db

CONTENT = {
    "title": "Des bancs sous les platanes",
    "text": "Six bancs.",
    "general_interest": "Les personnes âgées peuvent se reposer.",
}
LONG = "Les cours **ombragées** serviraient aux familles sans jardin. " + "Et encore. " * 40


def contribution_link(contribution) -> str:
    return reverse("debate:contribution", args=[contribution.pk])


def statement_link(statement) -> str:
    return reverse("opinions:statement", args=[statement.conversation_id, statement.position])


@pytest.fixture
def grounds(workshop):
    """A long argument for by Inès, a question, and a statement of the opinion map."""
    topic = TopicFactory(workshop=workshop)
    argument = ContributionFactory(
        topic=topic, text=LONG, author=UserFactory(display_name="Inès Débattante")
    )
    question = ContributionFactory(topic=topic, kind="question", text="Combien ça coûte ?")
    statement = StatementFactory(
        conversation=ConversationFactory(workshop=workshop), text="Des bancs à l'ombre."
    )
    return argument, question, statement


def linked(workshop, author, *, contributions=(), statements=()) -> Recommendation:
    links = [contribution_link(c) for c in contributions] + [statement_link(s) for s in statements]
    return services.recommendation_draft(
        workshop=workshop, by=author, grounds="\n".join(links), **CONTENT
    )


def test_the_recommendation_page_lists_what_it_builds_on(client, workshop, author, grounds):
    argument, question, statement = grounds
    recommendation = linked(
        workshop, author, contributions=[argument, question], statements=[statement]
    )

    body = client.get(recommendation.get_absolute_url()).content.decode()

    assert "What it builds on" in body
    assert "Inès Débattante" in body
    assert f'href="{contribution_link(argument)}"' in body
    assert f'href="{statement_link(statement)}"' in body
    assert "Des bancs à l&#x27;ombre." in body
    assert "Combien ça coûte ?" in body
    assert ">For<" in body and ">Question<" in body
    # The argument's Markdown as plain text, cut to about 200 characters.
    assert "Les cours ombragées serviraient aux familles sans jardin." in body
    assert "<strong>ombragées</strong>" not in body
    assert "Et encore. " * 20 not in body


def test_a_recommendation_with_no_links_has_no_such_section(client, workshop, author):
    recommendation = linked(workshop, author)
    assert "What it builds on" not in client.get(recommendation.get_absolute_url()).content.decode()


def test_a_contribution_hidden_since_shows_as_hidden_without_its_text(
    client, workshop, author, grounds
):
    argument, question, _statement = grounds
    recommendation = linked(workshop, author, contributions=[argument, question])
    moderator = UserFactory(role="city_staff")
    debate.contribution_hide(contribution=question, reason="Hors sujet.", by=moderator)

    body = client.get(recommendation.get_absolute_url()).content.decode()

    assert "A contribution hidden by moderation." in body
    assert "Combien ça coûte ?" not in body
    assert "Inès Débattante" in body


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["anonymous", "author"])
def test_the_page_asks_as_many_queries_for_2_and_15_links(client, workshop, author, who):
    topic = TopicFactory(workshop=workshop)
    conversation = ConversationFactory(workshop=workshop)
    contributions = [ContributionFactory(topic=topic, author=UserFactory()) for _ in range(8)]
    statements = [StatementFactory(conversation=conversation) for _ in range(7)]
    few = linked(workshop, author, contributions=contributions[:1], statements=statements[:1])
    many = linked(workshop, author, contributions=contributions, statements=statements)
    if who == "author":
        client.force_login(author)

    assert queries(client, few.get_absolute_url()) == queries(client, many.get_absolute_url())


# The forms ----------------------------------------------------------------------------------


def test_the_draft_form_links_what_it_builds_on(client, workshop, author, grounds):
    argument, _question, statement = grounds
    client.force_login(author)
    url = reverse("recommendations:draft", args=[workshop.slug])
    assert "opinion-map statements it builds on" in client.get(url).content.decode()

    response = client.post(
        url,
        {
            **CONTENT,
            "grounds": f"http://127.0.0.1:8000{contribution_link(argument)}\n"
            f"{statement_link(statement)}",
            "submission_key": str(uuid.uuid4()),
        },
    )

    recommendation = Recommendation.objects.get()
    assert response.status_code == 302
    assert list(recommendation.contributions.all()) == [argument]
    assert list(recommendation.statements.all()) == [statement]


def test_a_bad_link_in_the_draft_form_is_shown_and_nothing_is_drafted(client, workshop, author):
    elsewhere = ContributionFactory(topic=TopicFactory(workshop=WorkshopFactory()))
    client.force_login(author)

    response = client.post(
        reverse("recommendations:draft", args=[workshop.slug]),
        {
            **CONTENT,
            "grounds": f"le débat\n{contribution_link(elsewhere)}",
            "submission_key": str(uuid.uuid4()),
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Line 1 (“le débat”) is neither the address" in body
    assert f"Line 2: contribution #{elsewhere.pk} belongs to the debate of another" in body
    assert not Recommendation.objects.exists()


def test_the_edit_form_shows_the_links_and_replaces_them(client, workshop, author, grounds):
    argument, question, statement = grounds
    recommendation = linked(workshop, author, contributions=[argument], statements=[statement])
    client.force_login(author)
    url = reverse("recommendations:edit", args=[recommendation.pk])

    form = client.get(url).content.decode()
    assert contribution_link(argument) in form
    assert statement_link(statement) in form

    response = client.post(url, {**CONTENT, "grounds": contribution_link(question)})

    assert response.status_code == 302
    assert list(recommendation.contributions.all()) == [question]
    assert not recommendation.statements.exists()
    recommendation.refresh_from_db()
    assert recommendation.version == 1


# The opinion map's statements, each with its own page ---------------------------------------


def test_each_accepted_statement_has_the_page_recommendations_link_to(client, workshop):
    conversation = ConversationFactory(workshop=WorkshopFactory(phase=PhaseKind.DEBATE))
    shown = StatementFactory(conversation=conversation, text="Des fontaines.")
    waiting = StatementFactory(conversation=conversation, text="En attente.", status="pending")

    listing = client.get(reverse("opinions:statements", args=[conversation.pk])).content.decode()

    assert f'href="{statement_link(shown)}"' in listing
    assert "Des fontaines." in listing
    assert "En attente." not in listing
    page = client.get(statement_link(shown))
    assert page.status_code == 200 and "Des fontaines." in page.content.decode()
    assert client.get(statement_link(waiting)).status_code == 404


def test_the_statement_list_asks_as_many_queries_for_5_and_120_statements(client):
    conversation = ConversationFactory(workshop=WorkshopFactory(phase=PhaseKind.DEBATE))
    StatementFactory.create_batch(5, conversation=conversation)
    listing = reverse("opinions:statements", args=[conversation.pk])
    few = (queries(client, listing), queries(client, listing + "?page=2"))

    StatementFactory.create_batch(115, conversation=conversation)

    assert (queries(client, listing), queries(client, listing + "?page=3")) == few


# The dossier --------------------------------------------------------------------------------


def test_the_dossier_lists_what_each_adopted_recommendation_builds_on(client):
    workshop = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    author = ParticipationFactory(workshop=workshop).user
    topic = TopicFactory(workshop=workshop)
    argument = ContributionFactory(topic=topic, text=LONG)
    hidden = ContributionFactory(
        topic=topic, text="Un propos masqué.", moderation="hidden", moderation_reason="Insulte."
    )
    statement = StatementFactory(
        conversation=ConversationFactory(workshop=workshop), text="Des bancs à l'ombre."
    )
    recommendation = adopt(workshop, title="Des bancs", author=author)
    recommendation.contributions.set([argument, hidden])
    recommendation.statements.set([statement])

    body = client.get(reverse("recommendations:dossier", args=[workshop.slug])).content.decode()

    assert "What it builds on" in body
    assert "Les cours ombragées serviraient aux familles sans jardin." in body
    assert "Et encore. " * 10 not in body
    assert "Des bancs à l&#x27;ombre." in body
    assert "Un propos masqué." not in body


def test_the_dossier_asks_as_many_queries_for_1_and_15_links(client):
    workshop = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    author = ParticipationFactory(workshop=workshop).user
    topic = TopicFactory(workshop=workshop)
    conversation = ConversationFactory(workshop=workshop)
    recommendation = adopt(workshop, title="Des bancs", author=author)
    recommendation.contributions.set([ContributionFactory(topic=topic)])
    recommendation.statements.set([StatementFactory(conversation=conversation)])
    url = reverse("recommendations:dossier", args=[workshop.slug])
    few = queries(client, url)

    other = adopt(workshop, title="Des arbres", author=author)
    other.contributions.set([ContributionFactory(topic=topic) for _ in range(8)])
    other.statements.set([StatementFactory(conversation=conversation) for _ in range(7)])

    assert queries(client, url) == few


# What people wrote never runs --------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_what_people_wrote_in_the_debate_never_runs_on_the_recommendations_pages(client, payload):
    workshop = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    author = ParticipationFactory(workshop=workshop).user
    contribution = ContributionFactory(
        topic=TopicFactory(workshop=workshop),
        text=payload,
        author=UserFactory(display_name=f"Nom {payload}"[:80]),
    )
    statement = StatementFactory(
        conversation=ConversationFactory(workshop=workshop), text=payload[:140]
    )
    recommendation = adopt(workshop, title="Des bancs", author=author)
    recommendation.contributions.set([contribution])
    recommendation.statements.set([statement])

    for url in [
        recommendation.get_absolute_url(),
        reverse("recommendations:dossier", args=[workshop.slug]),
        reverse("opinions:results", args=[statement.conversation_id]),
    ]:
        assert live_problems(client.get(url).content.decode()) == [], url


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_hostile_line_is_named_in_the_refusal_without_running(client, workshop, author, payload):
    client.force_login(author)
    response = client.post(
        reverse("recommendations:draft", args=[workshop.slug]),
        {**CONTENT, "grounds": payload, "submission_key": str(uuid.uuid4())},
    )
    assert response.status_code == 200
    assert "is neither the address" in response.content.decode()
    assert live_problems(response.content.decode()) == []
    assert not Recommendation.objects.exists()


@pytest.mark.html
def test_the_pages_with_links_are_valid_html(client, workshop, author, grounds, tmp_path):
    from tests import nu_checker
    from tests.ci import require

    missing = nu_checker.missing_tool()
    require(missing is None, missing or "")
    argument, question, statement = grounds
    recommendation = linked(
        workshop, author, contributions=[argument, question], statements=[statement]
    )
    debate.contribution_hide(
        contribution=question, reason="Hors sujet.", by=UserFactory(role="city_staff")
    )
    client.force_login(author)
    pages = {
        "recommendation": client.get(recommendation.get_absolute_url()),
        "edit": client.get(reverse("recommendations:edit", args=[recommendation.pk])),
        "draft-errors": client.post(
            reverse("recommendations:draft", args=[workshop.slug]),
            {**CONTENT, "grounds": "le débat", "submission_key": str(uuid.uuid4())},
        ),
        "results": client.get(reverse("opinions:results", args=[statement.conversation_id])),
    }
    files = []
    for name, response in pages.items():
        assert response.status_code == 200, name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(response.content.decode(), encoding="utf-8")

    assert [f"{p.file.stem}: {p.message}" for p in nu_checker.check(files)] == []
