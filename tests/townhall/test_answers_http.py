"""Who may give the city's answer and report milestones, through HTTP, for every role at each
moment of a workshop: the city team (not an elected official, not a facilitator, not a
participant) from the presentation phase on; nothing is written when refused. And the answer's
rules as a person meets them on the form."""

import pytest
from django.urls import reverse

from ateliers.recommendations.models import Recommendation
from ateliers.townhall.models import Answer, Milestone, MilestoneUpdate
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory
from tests.roles import CITY_TEAM, ROLES, assert_refused, log_in

from .followup_factories import adopted, answered, answering_workshop, milestone

pytestmark = pytest.mark.django_db

MOMENTS = {
    "recommendations phase": {"phase": PhaseKind.RECOMMENDATIONS},
    "presentation phase": {"phase": PhaseKind.PRESENTATION},
    "finished": {"phase": PhaseKind.PRESENTATION, "finished": True},
}
ANSWERING = {"presentation phase", "finished"}
ANSWER = {
    "status": "accepted",
    "justification": "",
    "service": "Direction de la voirie",
    "elected_official": "Adjoint aux mobilités",
}


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_answering_and_following(client, role, moment):
    recommendation = adopted(WorkshopFactory(**MOMENTS[moment]))
    log_in(client, role, workshops=[recommendation.workshop])

    given = client.post(reverse("townhall:answer_recommendation", args=[recommendation.pk]), ANSWER)

    if role in CITY_TEAM and moment in ANSWERING:
        assert given.status_code == 302
        assert Answer.objects.get().service == "Direction de la voirie"
    else:
        assert_refused(given, role)
        assert not Answer.objects.exists()
        answered(recommendation)

    added = client.post(
        reverse("townhall:milestone_add", args=[recommendation.pk]),
        {"title": "Étude", "target_date": "2026-12-01"},
    )
    if role in CITY_TEAM and moment in ANSWERING:
        assert added.status_code == 302 and Milestone.objects.exists()
    else:
        assert_refused(added, role)
        assert not Milestone.objects.exists()
        milestone(Answer.objects.get())

    reported = client.post(
        reverse("townhall:milestone_update", args=[Milestone.objects.get().pk]),
        {"status": "in_progress", "progress": "30", "note": "Les travaux commencent."},
    )
    if role in CITY_TEAM and moment in ANSWERING:
        assert reported.status_code == 302
        assert Milestone.objects.get().progress == 30
    else:
        assert_refused(reported, role)
        assert not MilestoneUpdate.objects.exists()


def test_another_workshops_participant_is_refused(client):
    recommendation = adopted()
    elsewhere = ParticipationFactory(workshop=answering_workshop()).user
    client.force_login(elsewhere)

    url = reverse("townhall:answer_recommendation", args=[recommendation.pk])

    answer = client.post(url, ANSWER)

    assert answer.status_code == 403
    assert not Answer.objects.exists()


@pytest.fixture
def staff(client, city_staff):
    client.force_login(city_staff)
    return city_staff


def test_a_justification_is_required_unless_accepted(client, staff):
    recommendation = adopted()
    url = reverse("townhall:answer_recommendation", args=[recommendation.pk])

    refused = client.post(url, {**ANSWER, "status": "rejected"})

    assert refused.status_code == 200
    assert "a justification is required unless the answer is “accepted”" in (
        refused.content.decode()
    )
    assert not Answer.objects.exists()

    justified = client.post(url, {**ANSWER, "status": "rejected", "justification": "Trop cher."})

    assert justified.status_code == 302
    assert Answer.objects.get().justification == "Trop cher."


def test_only_an_adopted_recommendation_is_answered(client, staff):
    draft = Recommendation.objects.create(
        workshop=answering_workshop(), title="Brouillon", text="x", general_interest="y"
    )

    answer = client.post(reverse("townhall:answer_recommendation", args=[draft.pk]), ANSWER)

    assert answer.status_code == 404
    assert not Answer.objects.exists()


def test_the_answer_can_be_changed_and_its_form_shows_the_current_one(client, staff):
    recommendation = adopted()
    answered(recommendation, status=Answer.Status.UNDER_STUDY, justification="On étudie.")
    url = reverse("townhall:answer_recommendation", args=[recommendation.pk])

    form = client.get(url).content.decode()
    changed = client.post(url, ANSWER)

    assert "On étudie." in form and "Change the city's answer" in form
    assert changed.status_code == 302
    assert Answer.objects.get().status == Answer.Status.ACCEPTED


def test_no_milestone_for_a_rejected_recommendation(client, staff):
    recommendation = adopted()
    answered(recommendation, status=Answer.Status.REJECTED)

    response = client.post(
        reverse("townhall:milestone_add", args=[recommendation.pk]),
        {"title": "Étude", "target_date": "2026-12-01"},
        follow=True,
    )

    assert "Milestones follow an accepted or partially accepted" in response.content.decode()
    assert not Milestone.objects.exists()


def test_a_submissions_milestone_is_reported_by_the_town_hall_team(client):
    from .followup_factories import submission

    answer = answered(submission=submission())
    step = milestone(answer)
    url = reverse("townhall:milestone_update", args=[step.pk])
    data = {"status": "done", "progress": "100", "note": "Livré."}

    client.force_login(UserFactory(role="facilitator"))
    assert client.post(url, data).status_code == 403
    client.force_login(UserFactory(role="city_staff"))
    assert client.post(url, data).status_code == 302
    assert Milestone.objects.get().status == Milestone.Status.DONE


def test_an_empty_answer_says_what_is_missing(client, staff):
    recommendation = adopted()

    response = client.post(reverse("townhall:answer_recommendation", args=[recommendation.pk]))

    assert response.status_code == 200
    assert "The form could not be sent" in response.content.decode()
    assert not Answer.objects.exists()
