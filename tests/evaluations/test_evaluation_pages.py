"""The evaluation page and the team's pages: what the public and the team see before and after
publication, the measured values frozen by publishing, a published evaluation that no longer
changes, the service's refusals, the forms' errors, the workshop page's line, and query
budgets that do not grow with the participants or the indicators."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.core.sections import sections_of
from ateliers.evaluations.models import Evaluation, Indicator
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.selectors import workshop_for_page
from tests.factories import ParticipationFactory, WorkshopFactory
from tests.roles import log_in

from .evaluation_data import (
    ended_workshop,
    facilitator_of,
    grow,
    published,
    small_workshop,
    written,
)

pytestmark = pytest.mark.django_db
PUBLISHED_ALREADY = "This evaluation is published: it no longer changes."


def url(name: str, workshop, *args) -> str:
    return reverse(f"evaluations:{name}", args=[workshop.slug, *args])


def page(client, workshop) -> str:
    response = client.get(url("workshop", workshop))
    assert response.status_code == 200
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# What each person sees -----------------------------------------------------------------------


def test_before_publication_the_public_sees_the_plan_and_that_the_evaluation_comes_later(client):
    workshop = ended_workshop(
        objective="Dix bancs sur la place.", evaluation_plan="Compter les bancs posés."
    )
    written(workshop, explanation="Brouillon confidentiel.", indicators=1)

    body = page(client, workshop)

    assert "Dix bancs sur la place." in body
    assert "Compter les bancs posés." in body
    assert "The evaluation will be published after the workshop" in body
    assert "Brouillon confidentiel." not in body
    assert "Bancs posés 1" not in body
    assert url("write", workshop) not in body


def test_the_team_sees_the_draft_with_todays_measured_values_and_its_actions(client):
    workshop = small_workshop()
    facilitator = facilitator_of(workshop)
    written(
        workshop,
        by=facilitator,
        explanation="Brouillon de l'équipe.",
        measures=("neighbourhood_share",),
    )
    client.force_login(facilitator)

    body = page(client, workshop)

    assert "Draft: only the workshop's team sees it" in body
    assert "Brouillon de l'équipe." in body
    assert "Participants living in the neighbourhood (%)" in body
    assert "50\u00a0%" in body and "today" in body
    for action in ("write", "indicator_add", "publish"):
        assert url(action, workshop) in body


def test_the_team_is_told_when_the_window_has_closed(client):
    workshop = ended_workshop(91)
    client.force_login(facilitator_of(workshop))

    body = page(client, workshop)

    assert "The time to write and publish the evaluation ended on" in body
    assert url("write", workshop) not in body


def test_the_published_evaluation_shows_its_outcome_explanation_indicators_and_date(client):
    workshop = small_workshop()
    published(
        workshop,
        outcome="partly_met",
        explanation="Huit bancs sur **dix**.",
        indicators=1,
        measures=("participants",),
    )

    body = page(client, workshop)

    assert "Objective partly met" in body
    assert "Huit bancs sur <strong>dix</strong>." in body
    assert "Bancs posés 1" in body
    assert "measured by the platform" in body
    assert ">6<" in body  # the participants, measured at publication
    assert "Published on" in body
    assert "Draft" not in body


def test_publishing_freezes_the_measured_values(client):
    workshop = small_workshop()
    published(workshop, measures=("participants",))
    for _index in range(4):
        ParticipationFactory(workshop=workshop)
    log_in(client, "resident")  # a page made for this request, not kept

    body = page(client, workshop)

    assert Indicator.objects.get().value == "6"
    assert ">6<" in body and ">10<" not in body


# A published evaluation no longer changes ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("write", {"outcome": "met", "explanation": "Autre chose."}),
        ("indicator_add", {"name": "Nouveau", "value": "1"}),
        ("publish", {}),
    ],
)
def test_a_published_evaluation_cannot_be_changed(client, name, data):
    workshop = ended_workshop()
    published(workshop, indicators=1)
    log_in(client, "city_staff")
    before = list(Indicator.objects.values_list("name", "value"))

    shown = client.get(url(name, workshop), follow=True)
    sent = client.post(url(name, workshop), data)

    assert PUBLISHED_ALREADY in shown.content.decode()
    assert sent.status_code == 302 and sent["Location"] == url("workshop", workshop)
    assert PUBLISHED_ALREADY in messages_of(sent)
    evaluation = Evaluation.objects.get()
    assert evaluation.outcome == "partly_met"
    assert list(Indicator.objects.values_list("name", "value")) == before


def test_a_published_evaluations_indicator_cannot_be_removed(client):
    workshop = ended_workshop()
    published(workshop, indicators=1)
    kept = Indicator.objects.get()
    log_in(client, "city_staff")

    response = client.post(url("indicator_remove", workshop, kept.pk))

    assert PUBLISHED_ALREADY in messages_of(response)
    assert Indicator.objects.filter(pk=kept.pk).exists()


# Refusals and errors -------------------------------------------------------------------------


def test_publishing_without_outcome_or_explanation_says_what_is_missing(client):
    workshop = ended_workshop()
    written(workshop, outcome="", explanation="")
    log_in(client, "city_staff")

    response = client.post(url("publish", workshop))

    assert response.status_code == 302
    assert messages_of(response) == [
        "Please say whether the objective was met.",
        "Please explain the result.",
    ]
    assert not Evaluation.objects.get().is_published


def test_the_publication_page_says_it_becomes_public_and_final(client):
    workshop = ended_workshop()
    written(workshop, outcome="met")
    log_in(client, "city_staff")

    body = client.get(url("publish", workshop)).content.decode()

    assert "Once published, the evaluation is public" in body
    assert "It is also final" in body


def test_an_empty_evaluation_is_not_saved(client):
    workshop = ended_workshop()
    log_in(client, "city_staff")

    response = client.post(url("write", workshop), {"outcome": "", "explanation": "  "})

    assert response.status_code == 200
    assert "there is nothing to save yet" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_the_write_form_keeps_the_draft(client):
    workshop = ended_workshop()
    written(workshop, outcome="not_met", explanation="Le chantier a pris du retard.")
    log_in(client, "city_staff")

    body = client.get(url("write", workshop)).content.decode()

    assert 'value="not_met" required' not in body  # the outcome may stay empty in a draft
    assert 'value="not_met" id="id_outcome_2" checked' in body
    assert "Le chantier a pris du retard." in body


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({"name": "", "value": "3"}, "name", "Name the indicator"),
        ({"name": "Bancs", "value": ""}, "value", "Give the value measured."),
        ({"measure": "participants", "value": "12"}, "value", "leave its value empty"),
        ({"measure": "nonsense"}, "measure", "Select a valid choice."),
    ],
)
def test_an_indicator_needs_a_measure_or_a_name_and_a_value(client, data, field, error):
    workshop = ended_workshop()
    log_in(client, "city_staff")

    response = client.post(url("indicator_add", workshop), data)

    assert response.status_code == 200
    assert any(error in message for message in response.context["form"].errors[field])
    assert not Indicator.objects.exists()


def test_a_measure_already_used_is_no_longer_offered(client):
    workshop = ended_workshop()
    written(workshop, measures=("participants",))
    log_in(client, "city_staff")

    form = client.get(url("indicator_add", workshop)).context["form"]
    again = client.post(url("indicator_add", workshop), {"measure": "participants"})

    assert "participants" not in dict(form.fields["measure"].choices)
    assert "residents" in dict(form.fields["measure"].choices)
    assert again.status_code == 200
    assert Indicator.objects.count() == 1


# The workshop's page -------------------------------------------------------------------------


def workshop_page(client, workshop) -> str:
    return client.get(workshop.get_absolute_url()).content.decode()


def test_the_workshop_page_says_nothing_of_the_evaluation_before_its_end(client):
    workshop = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    assert url("workshop", workshop) not in workshop_page(client, workshop)


def test_the_workshop_page_announces_the_evaluation_then_gives_its_outcome(client):
    workshop = ended_workshop()

    assert "Evaluation to come" in workshop_page(client, workshop)
    assert url("workshop", workshop) in workshop_page(client, workshop)

    published(workshop, outcome="met")
    body = workshop_page(client, workshop)
    assert "Objective met" in body and "evaluation published on" in body
    assert url("workshop", workshop) in body


def test_the_team_finds_the_link_to_write_it_until_it_is_published(client):
    workshop = ended_workshop()
    facilitator = facilitator_of(workshop)
    client.force_login(facilitator)

    assert url("write", workshop) in workshop_page(client, workshop)
    published(workshop, by=facilitator)
    assert url("write", workshop) not in workshop_page(client, workshop)


@pytest.mark.parametrize("role", ["anonymous", "participant"])
def test_the_public_never_gets_the_link_to_write_it(client, role):
    workshop = ended_workshop()
    log_in(client, role, workshops=[workshop])
    assert url("write", workshop) not in workshop_page(client, workshop)


def test_the_workshop_pages_section_costs_at_most_two_queries(client):
    workshop = ended_workshop()
    published(workshop)
    request = client.get(workshop.get_absolute_url()).wsgi_request
    loaded = workshop_for_page(slug=workshop.slug)
    for page_name in ("workshop_recommendations", "workshop_actions"):
        section = next(s for s in sections_of(page_name) if "evaluation" in s.name)
        with CaptureQueriesContext(connection) as captured:
            section.context(request, workshop=loaded)
        assert len(captured) <= 2


# Query budgets --------------------------------------------------------------------------------


def queries(client, workshop) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url("workshop", workshop)).status_code == 200
    return len(captured)


TEAM_AND_PUBLIC = [
    ("anonymous", "published"),
    ("facilitator", "published"),
    ("facilitator", "draft"),
]


def evaluate(workshop, state: str, **indicators) -> None:
    (published if state == "published" else written)(workshop, **indicators)


@pytest.mark.parametrize(("who", "state"), TEAM_AND_PUBLIC)
def test_the_page_asks_the_same_queries_for_3_and_60_participants(client, who, state):
    small, large = ended_workshop(), ended_workshop()
    log_in(client, who, workshops=[small, large])
    for workshop in (small, large):
        evaluate(workshop, state, indicators=2, measures=("participants", "contributions"))
    grow(small, 3)
    grow(large, 60)

    assert queries(client, small) == queries(client, large)


@pytest.mark.parametrize(("who", "state"), TEAM_AND_PUBLIC)
def test_the_page_asks_the_same_queries_for_2_and_12_indicators(client, who, state):
    few, many = ended_workshop(), ended_workshop()
    log_in(client, who, workshops=[few, many])
    evaluate(few, state, indicators=1, measures=("participants",))
    evaluate(
        many, state, indicators=8, measures=("participants", "residents", "adopted", "accepted")
    )

    assert Indicator.objects.filter(evaluation__workshop=many).count() == 12
    assert queries(client, few) == queries(client, many)


def test_the_page_budget_names_each_query(client, django_assert_num_queries):
    workshop = ended_workshop()
    published(workshop, indicators=3)

    # 1 the workshop with its neighbourhood and proposing council, 2 its phases, 3 its
    # facilitators, 4 the evaluation, 5 its indicators.
    with django_assert_num_queries(5):
        client.get(url("workshop", workshop))


def test_the_teams_draft_adds_the_measures_read_live(client, django_assert_num_queries):
    workshop = ended_workshop()
    written(workshop, indicators=3, measures=("participants",))
    log_in(client, "city_staff")

    # The five above, 6 the person logged in (the session comes from the cache), and the
    # eight queries of the measures (indicators.py).
    with django_assert_num_queries(14):
        client.get(url("workshop", workshop))
