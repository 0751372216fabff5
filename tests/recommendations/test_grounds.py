"""What a recommendation builds on (recommendations/grounds.py): its authors paste the links of
debate contributions and opinion-map statements of the same workshop, one per line; the
service refuses any other line, naming it, and then writes nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ateliers.core.errors import InvalidInput
from ateliers.recommendations import services
from ateliers.recommendations.models import Recommendation, RecommendationVersion
from ateliers.recommendations.services import NoLongerADraft
from ateliers.workshops.phases import PhaseKind
from tests.factories import (
    ContributionFactory,
    ConversationFactory,
    StatementFactory,
    TopicFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

CONTENT = {
    "title": "Des bancs sous les platanes",
    "text": "Six bancs.",
    "general_interest": "Les personnes âgées peuvent se reposer.",
}


def contribution_of(workshop, **kwargs):
    return ContributionFactory(topic=TopicFactory(workshop=workshop), **kwargs)


def statement_of(workshop, **kwargs):
    return StatementFactory(conversation=ConversationFactory(workshop=workshop), **kwargs)


def contribution_link(contribution, host: str = "") -> str:
    return host + reverse("debate:contribution", args=[contribution.pk])


def statement_link(statement) -> str:
    return reverse("opinions:statement", args=[statement.conversation_id, statement.position])


def draft(workshop, author, grounds: str) -> Recommendation:
    return services.recommendation_draft(workshop=workshop, by=author, grounds=grounds, **CONTENT)


def refused(workshop, author, grounds: str) -> str:
    with pytest.raises(InvalidInput) as caught:
        draft(workshop, author, grounds)
    assert not Recommendation.objects.exists()
    assert list(caught.value.errors) == ["grounds"]
    return " ".join(caught.value.errors["grounds"])


def test_a_draft_links_to_contributions_and_statements_in_any_copied_form(workshop, author):
    first, second = contribution_of(workshop), contribution_of(workshop)
    statement, other_statement = statement_of(workshop), statement_of(workshop)
    lines = [
        contribution_link(first, "http://127.0.0.1:8000"),
        f"  {contribution_link(second)}  ",
        "",
        statement_link(statement),
        statement_link(other_statement),
        contribution_link(first),  # the same again: ignored
    ]

    recommendation = draft(workshop, author, "\n".join(lines))

    assert set(recommendation.contributions.all()) == {first, second}
    assert set(recommendation.statements.all()) == {statement, other_statement}


def test_nothing_to_link_is_fine(workshop, author):
    recommendation = draft(workshop, author, "\n  \n")
    assert not recommendation.contributions.exists()
    assert not recommendation.statements.exists()


@pytest.mark.parametrize(
    "line",
    [
        "https://evil.example/debat/contributions/1/",
        "/debat/sujets/1/",
        "voir la contribution 12",
        "/carte-des-avis/1/resultats/",
        "/carte-des-avis/1/propositions/x/",
        "/carte-des-avis/1/resultats/#proposition-1",
        "javascript:alert(1)",
    ],
)
def test_a_line_that_is_no_such_address_is_refused_by_its_number(workshop, author, line):
    good = contribution_of(workshop)
    message = refused(workshop, author, f"{contribution_link(good)}\n{line}")
    assert "Line 2" in message
    assert "is neither the address of a debate contribution" in message


def test_a_contribution_of_another_workshop_is_refused(workshop, author):
    elsewhere = contribution_of(WorkshopFactory(phase=PhaseKind.DEBATE))
    message = refused(workshop, author, contribution_link(elsewhere))
    assert f"contribution #{elsewhere.pk} belongs to the debate of another workshop" in message


def test_a_statement_of_another_workshop_is_refused(workshop, author):
    elsewhere = statement_of(WorkshopFactory(phase=PhaseKind.DEBATE))
    message = refused(workshop, author, statement_link(elsewhere))
    assert "belongs to the opinion map of another workshop" in message


@pytest.mark.parametrize(
    "hidden",
    [
        {"moderation": "hidden", "moderation_reason": "Insultant."},
        {"moderation": "awaiting"},
        {"deleted_at": timezone.now, "text": ""},
    ],
)
def test_a_contribution_the_public_does_not_see_is_refused(workshop, author, hidden):
    values = {key: value() if callable(value) else value for key, value in hidden.items()}
    contribution = contribution_of(workshop, **values)
    message = refused(workshop, author, contribution_link(contribution))
    assert f"contribution #{contribution.pk} is not shown to the public" in message


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_a_statement_the_public_does_not_see_is_refused(workshop, author, status):
    statement = statement_of(workshop, status=status)
    message = refused(workshop, author, statement_link(statement))
    assert "this statement is not shown to the public" in message


def test_a_link_to_nothing_is_refused(workshop, author):
    message = refused(
        workshop, author, "/debat/contributions/999999/\n/carte-des-avis/999999/propositions/1/"
    )
    assert "Line 1: there is no debate contribution #999999." in message
    assert "Line 2: the opinion map #999999 has no statement number 1." in message


def test_at_most_20_links_but_repeats_do_not_count(workshop, author):
    topic = TopicFactory(workshop=workshop)
    contributions = [ContributionFactory(topic=topic) for _ in range(21)]
    links = [contribution_link(contribution) for contribution in contributions]

    message = refused(workshop, author, "\n".join(links))
    assert "At most 20 links (there are 21)." in message

    recommendation = draft(workshop, author, "\n".join(links[:20] + links[:5]))
    assert recommendation.contributions.count() == 20


def test_many_bad_lines_are_named_a_few_then_counted(workshop, author):
    message = refused(workshop, author, "\n".join(f"ligne {n}" for n in range(30)))
    assert "Line 5 " in message
    assert "Line 6 " not in message
    assert "And 25 more lines that are not such addresses." in message


def test_every_field_at_fault_is_named_at_once(workshop, author):
    with pytest.raises(InvalidInput) as caught:
        services.recommendation_draft(
            workshop=workshop, by=author, grounds="n'importe quoi", **{**CONTENT, "title": ""}
        )
    assert set(caught.value.errors) == {"title", "grounds"}
    assert not Recommendation.objects.exists()


def test_the_links_are_read_in_one_query_per_kind(workshop, author):
    topic = TopicFactory(workshop=workshop)
    conversation = ConversationFactory(workshop=workshop)
    links = [contribution_link(ContributionFactory(topic=topic)) for _ in range(10)] + [
        statement_link(StatementFactory(conversation=conversation)) for _ in range(10)
    ]
    from ateliers.core.errors import Collected
    from ateliers.recommendations.grounds import validate_grounds

    errors = Collected()
    with CaptureQueriesContext(connection) as captured:
        grounds = validate_grounds(workshop=workshop, grounds="\n".join(links), errors=errors)
    assert len(captured) == 2
    assert not errors.errors
    assert (len(grounds.contributions), len(grounds.statements)) == (10, 10)


# Editing ----------------------------------------------------------------------------------


def test_editing_replaces_the_links_without_making_a_version(workshop, author):
    old, new = contribution_of(workshop), contribution_of(workshop)
    statement = statement_of(workshop)
    recommendation = draft(workshop, author, contribution_link(old))

    services.recommendation_edit(
        recommendation=recommendation,
        by=author,
        grounds=f"{contribution_link(new)}\n{statement_link(statement)}",
        **CONTENT,
    )

    recommendation.refresh_from_db()
    assert list(recommendation.contributions.all()) == [new]
    assert list(recommendation.statements.all()) == [statement]
    assert recommendation.version == 1
    assert RecommendationVersion.objects.filter(recommendation=recommendation).count() == 1


def test_an_edit_without_the_links_keeps_them(workshop, author):
    linked = contribution_of(workshop)
    recommendation = draft(workshop, author, contribution_link(linked))
    services.recommendation_edit(
        recommendation=recommendation, by=author, **{**CONTENT, "text": "Huit bancs."}
    )
    assert list(recommendation.contributions.all()) == [linked]


def test_a_refused_edit_changes_neither_the_links_nor_the_text(workshop, author):
    linked = contribution_of(workshop)
    hidden = contribution_of(workshop, moderation="hidden", moderation_reason="Insultant.")
    recommendation = draft(workshop, author, contribution_link(linked))

    with pytest.raises(InvalidInput):
        services.recommendation_edit(
            recommendation=recommendation,
            by=author,
            grounds=contribution_link(hidden),
            **{**CONTENT, "text": "Huit bancs."},
        )

    recommendation.refresh_from_db()
    assert list(recommendation.contributions.all()) == [linked]
    assert recommendation.text == CONTENT["text"]


def test_the_links_of_a_recommendation_no_longer_a_draft_do_not_change(workshop, author):
    linked, other = contribution_of(workshop), contribution_of(workshop)
    recommendation = draft(workshop, author, contribution_link(linked))
    Recommendation.objects.filter(pk=recommendation.pk).update(status="submitted")

    with pytest.raises(NoLongerADraft):
        services.recommendation_edit(
            recommendation=recommendation, by=author, grounds=contribution_link(other), **CONTENT
        )
    assert list(recommendation.contributions.all()) == [linked]
