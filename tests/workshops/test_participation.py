"""Joining and leaving a workshop, through the pages a person uses."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from ateliers.workshops.models import Capacity, Participation, Workshop
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.services import participation as services
from tests.factories import (
    CouncilFactory,
    MandateFactory,
    ParticipationFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.roles import ROLES, person_for

pytestmark = pytest.mark.django_db

TIMINGS = [
    pytest.param({"upcoming": True}, id="upcoming"),
    *[pytest.param({"phase": kind}, id=kind.name.lower()) for kind in PhaseKind],
    pytest.param({"finished": True}, id="finished"),
]
# Phases in which a participant may still leave (phases.py: "leave" in their features).
LEAVING_PHASES = {
    PhaseKind.COMMUNICATION,
    PhaseKind.INFORMATION,
    PhaseKind.DEBATE,
    PhaseKind.RECOMMENDATIONS,
}


def make_actor(role: str, workshop: Workshop):
    """The person playing `role` (tests/roles.py) for `workshop`; None when anonymous."""
    person = person_for(role, workshops=[workshop])
    return person if person.is_authenticated else None


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def expected(refusal: type[services.ParticipationError]) -> str:
    # Pages answer in French by default: compare with the message in that language.
    with translation.override("fr"):
        return str(refusal())


def join_url(workshop):
    return reverse("workshops:join", kwargs={"slug": workshop.slug})


def leave_url(workshop):
    return reverse("workshops:leave", kwargs={"slug": workshop.slug})


@pytest.mark.parametrize("timing", TIMINGS)
@pytest.mark.parametrize("role", ROLES)
def test_join_matrix(client, role, timing):
    workshop = WorkshopFactory(capacity=40, **timing)
    actor = make_actor(role, workshop)
    if actor:
        client.force_login(actor)
    rows_before = Participation.objects.filter(workshop=workshop).count()

    response = client.post(join_url(workshop), {"capacity": Capacity.RESIDENT})

    workshop.refresh_from_db()
    rows = Participation.objects.filter(workshop=workshop).count()
    in_communication = timing.get("phase") == PhaseKind.COMMUNICATION
    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
        assert f"next={join_url(workshop)}" in response.url
        assert (rows, workshop.participant_count) == (0, 0)
        return
    assert response.status_code == 302
    assert response.url == workshop.get_absolute_url()
    if role == "participant":
        refusal = services.AlreadyParticipating if in_communication else services.RegistrationClosed
        assert messages_of(response) == [expected(refusal)]
        assert (rows, workshop.participant_count) == (rows_before, 1)
    elif in_communication:
        assert len(messages_of(response)) == 1  # the success message
        assert Participation.objects.get(workshop=workshop).user == actor
        assert workshop.participant_count == 1
    else:
        assert messages_of(response) == [expected(services.RegistrationClosed)]
        assert (rows, workshop.participant_count) == (0, 0)


@pytest.mark.parametrize("timing", TIMINGS)
@pytest.mark.parametrize("role", ROLES)
def test_leave_matrix(client, role, timing):
    workshop = WorkshopFactory(capacity=40, **timing)
    actor = make_actor(role, workshop)
    if actor:
        client.force_login(actor)
    rows_before = Participation.objects.filter(workshop=workshop).count()
    count_before = Workshop.objects.get(pk=workshop.pk).participant_count

    response = client.post(leave_url(workshop))

    workshop.refresh_from_db()
    rows = Participation.objects.filter(workshop=workshop).count()
    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
        assert (rows, workshop.participant_count) == (0, 0)
        return
    assert response.url == workshop.get_absolute_url()
    may_leave = timing.get("phase") in LEAVING_PHASES
    if role == "participant" and may_leave:
        assert (rows, workshop.participant_count) == (0, 0)
        assert len(messages_of(response)) == 1
    elif role == "participant":
        assert messages_of(response) == [expected(services.LeavingClosed)]
        assert (rows, workshop.participant_count) == (1, 1)
    else:
        assert messages_of(response) == [expected(services.NotParticipating)]
        assert (rows, workshop.participant_count) == (rows_before, count_before)


def test_leave_asks_for_confirmation_first(client, resident):
    workshop = WorkshopFactory()
    ParticipationFactory(workshop=workshop, user=resident)
    client.force_login(resident)

    response = client.get(leave_url(workshop))

    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert Participation.objects.filter(workshop=workshop, user=resident).exists()


@pytest.mark.parametrize("role", ["anonymous", "resident"])
def test_a_draft_cannot_be_joined_nor_seen(client, role):
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
    actor = make_actor(role, workshop)
    if actor:
        client.force_login(actor)

    response = client.post(join_url(workshop), {"capacity": Capacity.RESIDENT})

    assert response.status_code == (302 if role == "anonymous" else 404)
    assert not Participation.objects.exists()


def test_the_facilitator_of_a_draft_cannot_join_it(client, facilitator):
    workshop = WorkshopFactory(status=Workshop.Status.DRAFT)
    workshop.facilitators.add(facilitator)
    client.force_login(facilitator)

    response = client.post(join_url(workshop), {"capacity": Capacity.RESIDENT})

    assert messages_of(response) == [expected(services.RegistrationClosed)]
    assert not Participation.objects.exists()


def test_joining_twice_changes_nothing(client, resident):
    workshop = WorkshopFactory(capacity=10)
    client.force_login(resident)

    # Following the redirect shows (and so consumes) the success message.
    first = client.post(join_url(workshop), {"capacity": Capacity.RESIDENT}, follow=True)
    second = client.post(join_url(workshop), {"capacity": Capacity.EXPERT})

    workshop.refresh_from_db()
    assert first.redirect_chain == [(workshop.get_absolute_url(), 302)]
    assert messages_of(second) == [expected(services.AlreadyParticipating)]
    participation = Participation.objects.get(workshop=workshop)
    assert participation.capacity == Capacity.RESIDENT
    assert workshop.participant_count == 1


def test_the_join_page_says_already_joined_instead_of_showing_the_form(client, resident):
    workshop = WorkshopFactory()
    ParticipationFactory(workshop=workshop, user=resident)
    client.force_login(resident)

    response = client.get(join_url(workshop))

    assert response.status_code == 302
    assert messages_of(response) == [expected(services.AlreadyParticipating)]


def test_an_association_must_be_named(client, resident):
    workshop = WorkshopFactory()
    client.force_login(resident)

    response = client.post(
        join_url(workshop), {"capacity": Capacity.ASSOCIATION, "association_name": "  "}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["association_name"]
    assert 'class="form-errors"' in response.content.decode()
    assert not Participation.objects.exists()
    workshop.refresh_from_db()
    assert workshop.participant_count == 0


def test_a_council_member_must_choose_a_council(client, resident):
    workshop = WorkshopFactory()
    MandateFactory(user=resident)
    client.force_login(resident)

    response = client.post(join_url(workshop), {"capacity": Capacity.COUNCIL_MEMBER})

    assert response.status_code == 200
    assert response.context["form"].errors["council"]
    assert not Participation.objects.exists()


def test_joining_records_the_declared_capacity(client, resident):
    workshop = WorkshopFactory()
    council = MandateFactory(user=resident).council
    client.force_login(resident)

    client.post(
        join_url(workshop),
        {"capacity": Capacity.COUNCIL_MEMBER, "council": council.pk, "association_name": "ignored"},
    )

    participation = Participation.objects.get(workshop=workshop, user=resident)
    assert participation.capacity == Capacity.COUNCIL_MEMBER
    assert participation.council == council
    assert participation.association_name == ""


def test_the_join_form_has_a_label_for_every_field(client, resident):
    MandateFactory(user=resident, council=CouncilFactory(name="Conseil du Centre"))
    workshop = WorkshopFactory()
    client.force_login(resident)

    page = client.get(join_url(workshop)).content.decode()

    assert "<legend" in page  # the capacity radios are grouped under their question
    assert 'for="id_association_name"' in page
    assert 'for="id_council"' in page
    assert "Conseil du Centre" in page


def test_a_full_workshop_refuses_one_more(client, resident):
    workshop = WorkshopFactory(capacity=1)
    ParticipationFactory(workshop=workshop)
    client.force_login(resident)

    response = client.post(join_url(workshop), {"capacity": Capacity.RESIDENT})

    assert messages_of(response) == [expected(services.WorkshopFull)]
    assert not Participation.objects.filter(user=resident).exists()
    workshop.refresh_from_db()
    assert workshop.participant_count == 1


def test_leaving_frees_the_seat_for_someone_else(client, resident):
    workshop = WorkshopFactory(capacity=1)
    client.force_login(resident)
    client.post(join_url(workshop), {"capacity": Capacity.RESIDENT})
    client.post(leave_url(workshop))

    other = UserFactory()
    client.force_login(other)
    client.post(join_url(workshop), {"capacity": Capacity.RESIDENT})

    workshop.refresh_from_db()
    assert list(Participation.objects.values_list("user", flat=True)) == [other.pk]
    assert workshop.participant_count == 1


# The service on its own refuses what the pages refuse.


def test_service_refuses_outside_the_communication_phase(resident):
    workshop = WorkshopFactory(phase=PhaseKind.DEBATE)
    with pytest.raises(services.RegistrationClosed):
        services.workshop_join(workshop=workshop, user=resident, capacity=Capacity.RESIDENT)
    assert not Participation.objects.exists()


def test_service_refuses_an_archived_workshop(resident):
    workshop = WorkshopFactory(status=Workshop.Status.ARCHIVED)
    with pytest.raises(services.RegistrationClosed):
        services.workshop_join(workshop=workshop, user=resident, capacity=Capacity.RESIDENT)


def test_service_refuses_an_unnamed_association(resident):
    workshop = WorkshopFactory()
    with pytest.raises(services.InvalidCapacity):
        services.workshop_join(workshop=workshop, user=resident, capacity=Capacity.ASSOCIATION)
    assert not Participation.objects.exists()


def test_service_full_rolls_back_the_participation(resident):
    workshop = WorkshopFactory(capacity=1)
    services.workshop_join(workshop=workshop, user=UserFactory(), capacity=Capacity.RESIDENT)
    with pytest.raises(services.WorkshopFull):
        services.workshop_join(workshop=workshop, user=resident, capacity=Capacity.RESIDENT)
    assert Participation.objects.count() == 1
    assert Workshop.objects.get(pk=workshop.pk).participant_count == 1
