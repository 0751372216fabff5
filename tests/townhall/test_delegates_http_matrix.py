"""Who may volunteer, draw or elect the delegates, and set the answer deadline, through HTTP,
for every role at each moment of a workshop: participants volunteer and the workshop's team
chooses in the recommendations and presentation phases; the city team sets the deadline from
the presentation on, after the end too. Nothing is written when refused."""

import pytest
from django.urls import reverse

from ateliers.townhall.models import AnswerDeadline, Delegation, Volunteer
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, WorkshopFactory
from tests.roles import CITY_TEAM, ROLES, WORKSHOP_MANAGERS, assert_refused, log_in

from .delegates_data import volunteers

pytestmark = pytest.mark.django_db

MOMENTS = {
    "debate phase": {"phase": PhaseKind.DEBATE},
    "recommendations phase": {"phase": PhaseKind.RECOMMENDATIONS},
    "presentation phase": {"phase": PhaseKind.PRESENTATION},
    "finished": {"phase": PhaseKind.PRESENTATION, "finished": True},
}
CHOOSING = {"recommendations phase", "presentation phase"}
ANSWERING = {"presentation phase", "finished"}


def url(name: str, workshop) -> str:
    return reverse(f"townhall:{name}", args=[workshop.slug])


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_volunteering_and_withdrawing(client, role, moment):
    workshop = WorkshopFactory(**MOMENTS[moment])
    person = log_in(client, role, workshops=[workshop])

    volunteered = client.post(url("volunteer", workshop))

    if role == "participant" and moment in CHOOSING:
        assert volunteered.status_code == 302
        assert Volunteer.objects.get().user == person
        assert client.post(url("volunteer_withdraw", workshop)).status_code == 302
        assert not Volunteer.objects.exists()
    else:
        assert_refused(volunteered, role)
        assert_refused(client.post(url("volunteer_withdraw", workshop)), role)
        assert not Volunteer.objects.exists()


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_drawing_the_delegates(client, role, moment):
    workshop = WorkshopFactory(**MOMENTS[moment])
    log_in(client, role, workshops=[workshop])
    if moment in CHOOSING:
        volunteers(workshop, 3)
    else:  # volunteering is closed: offers made earlier
        for _index in range(3):
            Volunteer.objects.create(
                workshop=workshop, user=ParticipationFactory(workshop=workshop).user
            )

    form = client.get(url("delegates_draw", workshop))
    drawn = client.post(url("delegates_draw", workshop), {"seats": 2, "confirm": "on"})

    if role in WORKSHOP_MANAGERS and moment in CHOOSING:
        assert form.status_code == 200
        assert drawn.status_code == 302
        assert Delegation.objects.get().delegates.count() == 2
    else:
        assert_refused(form, role)
        assert_refused(drawn, role)
        assert not Delegation.objects.exists()


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_recording_the_elected_delegates(client, role, moment):
    workshop = WorkshopFactory(**MOMENTS[moment])
    log_in(client, role, workshops=[workshop])
    ParticipationFactory(workshop=workshop, user__display_name="Inès Élue")

    form = client.get(url("delegates_elect", workshop))
    elected = client.post(
        url("delegates_elect", workshop), {"person_1": "Inès Élue", "confirm": "on"}
    )

    if role in WORKSHOP_MANAGERS and moment in CHOOSING:
        assert form.status_code == 200
        assert elected.status_code == 302
        assert Delegation.objects.get().delegates.get().user.display_name == "Inès Élue"
    else:
        assert_refused(form, role)
        assert_refused(elected, role)
        assert not Delegation.objects.exists()


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("role", ROLES)
def test_setting_the_answer_deadline(client, role, moment):
    workshop = WorkshopFactory(**MOMENTS[moment])
    log_in(client, role, workshops=[workshop])

    form = client.get(url("answer_deadline", workshop))
    saved = client.post(url("answer_deadline", workshop), {"months": 6})

    if role in CITY_TEAM and moment in ANSWERING:
        assert form.status_code == 200
        assert 'value="3"' in form.content.decode()  # the default, shown
        assert saved.status_code == 302
        assert AnswerDeadline.objects.get().months == 6
    else:
        assert_refused(form, role)
        assert_refused(saved, role)
        assert not AnswerDeadline.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_page_of_a_published_workshop_and_nobody_a_drafts(client, role):
    workshop = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS)
    draft = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS, status="draft")
    log_in(client, role, workshops=[workshop])

    assert client.get(url("delegates", workshop)).status_code == 200
    assert client.get(url("delegates", draft)).status_code == (200 if role in CITY_TEAM else 404)


@pytest.mark.parametrize("months", ["0", "25", "trois", ""])
def test_a_deadline_out_of_range_is_refused_on_the_form(client, months):
    workshop = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    log_in(client, "city_staff")
    response = client.post(url("answer_deadline", workshop), {"months": months})
    assert response.status_code == 200 and response.context["form"].errors["months"]
    assert not AnswerDeadline.objects.exists()
