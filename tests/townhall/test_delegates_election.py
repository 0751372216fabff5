"""The team records the elected delegates by public name or e-mail address (a select of 2,000
participants would be unusable): each must be one participant, named once; once chosen, the
forms are gone and volunteering is refused."""

import pytest
from django.urls import reverse

from ateliers.core.errors import ApplicationError
from ateliers.townhall import delegates
from ateliers.townhall.models import Delegate, Delegation, Volunteer
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    return WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS, slug="rue-scolaire")


@pytest.fixture
def team(client, workshop):
    person = UserFactory(display_name="Fatou Animatrice")
    workshop.facilitators.add(person)
    client.force_login(person)
    return person


def participant(workshop, name: str, email: str | None = None):
    user = {"user__display_name": name}
    if email:
        user["user__email"] = email
    return ParticipationFactory(workshop=workshop, **user).user


URL = reverse("townhall:delegates_elect", args=["rue-scolaire"])


def elect(client, **fields):
    return client.post(URL, {"confirm": "on", **fields})


def test_delegates_are_found_by_public_name_or_e_mail_with_their_votes(client, workshop, team):
    ines = participant(workshop, "Inès Martin")
    omar = participant(workshop, "Omar Benali", email="omar@example.org")

    response = elect(
        client,
        person_1="inès martin",
        votes_1="14",
        person_2="  OMAR@example.org ",
        votes_2="9",
        note="Élus à main levée le 12 mai.",
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("townhall:delegates", args=[workshop.slug])
    delegation = Delegation.objects.get()
    assert delegation.method == "election" and delegation.seats == 2
    assert delegation.note == "Élus à main levée le 12 mai."
    assert [(d.user, d.votes, d.position) for d in delegation.delegates.all()] == [
        (ines, 14, 1),
        (omar, 9, 2),
    ]
    page = client.get(response["Location"]).content.decode()
    assert "Elected by the participants" in page
    assert "Inès Martin" in page and "14 votes" in page and "9 votes" in page
    assert "Élus à main levée le 12 mai." in page


def test_a_non_participant_is_refused_with_a_clear_message(client, workshop, team):
    UserFactory(display_name="Paul Dehors", email="paul@example.org")

    for typed in ("Paul Dehors", "paul@example.org", "Personne Inconnue"):
        response = elect(client, person_1=typed)
        assert response.status_code == 200
        assert response.context["form"].errors["person_1"] == [
            "No participant of this workshop has this public name or e-mail address. "
            "Check the list of participants."
        ]
    assert not Delegation.objects.exists()
    # The service refuses too, whoever calls it.
    outsider = UserFactory()
    with pytest.raises(ApplicationError, match="Only the workshop's participants"):
        delegates.delegates_elect(actor=team, workshop=workshop, elected=[(outsider, None)])


def test_an_ambiguous_name_asks_for_the_e_mail(client, workshop, team):
    participant(workshop, "Marie Dupont", email="marie.a@example.org")
    second = participant(workshop, "Marie Dupont", email="marie.b@example.org")

    response = elect(client, person_1="Marie Dupont")
    assert response.context["form"].errors["person_1"] == [
        "Several participants have this public name: type their e-mail instead."
    ]
    assert "Several participants have this public name" in response.content.decode()

    assert elect(client, person_1="marie.b@example.org").status_code == 302
    assert Delegate.objects.get().user == second


def test_the_same_person_twice_is_refused(client, workshop, team):
    participant(workshop, "Inès Martin", email="ines@example.org")

    response = elect(client, person_1="Inès Martin", person_2="ines@example.org")

    assert response.status_code == 200
    assert "The same person is named twice." in response.content.decode()
    assert not Delegation.objects.exists()


def test_votes_without_a_person_and_an_unticked_confirmation_are_refused(client, workshop, team):
    participant(workshop, "Inès Martin")
    response = client.post(URL, {"person_1": "Inès Martin", "votes_2": "3"})
    errors = response.context["form"].errors
    assert errors["person_2"] == ["Name the person these votes are for."]
    assert errors["confirm"] == ["Tick the box to confirm: this cannot be undone."]
    assert not Delegation.objects.exists()


def test_once_chosen_the_forms_are_gone_and_volunteering_is_refused(client, workshop, team):
    ines = participant(workshop, "Inès Martin")
    late = participant(workshop, "Omar Benali")
    assert elect(client, person_1="Inès Martin").status_code == 302

    page = client.get(reverse("townhall:delegates", args=[workshop.slug])).content.decode()
    assert "Record the elected delegates" not in page and "Draw the delegates" not in page
    again = client.get(URL, follow=True)
    assert "This workshop&#x27;s delegates are already chosen." in again.content.decode()
    drawn = client.post(
        reverse("townhall:delegates_draw", args=[workshop.slug]), {"seats": 1, "confirm": "on"}
    )
    assert drawn.status_code == 302
    assert Delegation.objects.get().delegates.get().user == ines

    client.force_login(late)
    page = client.get(reverse("townhall:delegates", args=[workshop.slug])).content.decode()
    assert "I volunteer" not in page
    assert "The choice is final: nobody can volunteer or withdraw any more." in page
    refused = client.post(reverse("townhall:volunteer", args=[workshop.slug]), follow=True)
    assert "This workshop&#x27;s delegates are already chosen." in refused.content.decode()
    assert not Volunteer.objects.exists()
