"""The capacity a person joins in is one they hold: only elected officials take part as
elected officials, city staff as city staff, council members for the councils where they
hold a current mandate. The form offers nothing else, and a forged answer is refused by the
form and by the service, with nothing stored."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.core.errors import ApplicationError
from ateliers.core.models import Role
from ateliers.workshops import selectors
from ateliers.workshops.models import Capacity, Participation, Workshop
from ateliers.workshops.services import participation as services
from tests.factories import CouncilFactory, MandateFactory, UserFactory, WorkshopFactory
from tests.french import french

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
DECLARED = {Capacity.RESIDENT, Capacity.ASSOCIATION, Capacity.EXPERT}


def join_url(workshop) -> str:
    return reverse("workshops:join", args=[workshop.slug])


def offered(page: str, name: str) -> set[str]:
    """The values a form's radio buttons or select named `name` offer."""
    inputs = re.findall(rf'<input type="radio" name="{name}" value="([^"]*)"', page)
    select = re.search(rf'<select name="{name}".*?</select>', page, re.S)
    options = re.findall(r'<option value="([^"]+)"', select.group(0)) if select else []
    return set(inputs) | set(options)


def assert_nothing_stored(workshop: Workshop) -> None:
    assert not Participation.objects.filter(workshop=workshop).exists()
    assert Workshop.objects.get(pk=workshop.pk).participant_count == 0
    assert selectors.counts_by_capacity(workshop=workshop) == []


def invalid_choice(value) -> str:
    return french(
        "Select a valid choice. %(value)s is not one of the available choices.", value=value
    )


# What the form offers


@pytest.mark.parametrize(
    ("role", "claims"),
    [
        (Role.RESIDENT, set()),
        (Role.FACILITATOR, set()),
        (Role.ADMINISTRATOR, set()),
        (Role.ELECTED, {Capacity.ELECTED}),
        (Role.CITY_STAFF, {Capacity.CITY_STAFF}),
    ],
)
def test_the_form_offers_the_capacities_the_role_holds(client, role, claims):
    client.force_login(UserFactory(role=role))

    page = client.get(join_url(WorkshopFactory())).content.decode()

    assert offered(page, "capacity") == DECLARED | claims
    assert 'name="council"' not in page


def test_council_member_is_offered_for_current_mandates_only(client):
    person = UserFactory()
    mine = MandateFactory(user=person, council=CouncilFactory(name="Conseil des Tilleuls")).council
    ended = MandateFactory(
        user=person,
        council=CouncilFactory(name="Conseil du Port"),
        starts_on=timezone.localdate() - 800 * DAY,
        ends_on=timezone.localdate() - DAY,
    ).council
    upcoming = MandateFactory(
        user=person,
        council=CouncilFactory(name="Conseil des Jeunes"),
        starts_on=timezone.localdate() + DAY,
    ).council
    CouncilFactory(name="Conseil des Autres")
    client.force_login(person)

    page = client.get(join_url(WorkshopFactory())).content.decode()

    assert offered(page, "capacity") == DECLARED | {Capacity.COUNCIL_MEMBER}
    assert offered(page, "council") == {str(mine.pk)}
    assert ended.name not in page and upcoming.name not in page


def test_a_mandate_that_ended_offers_no_council(client):
    person = UserFactory()
    MandateFactory(
        user=person,
        starts_on=timezone.localdate() - 800 * DAY,
        ends_on=timezone.localdate() - DAY,
    )
    client.force_login(person)

    page = client.get(join_url(WorkshopFactory())).content.decode()

    assert offered(page, "capacity") == DECLARED
    assert 'name="council"' not in page


# Forged answers


@pytest.mark.parametrize(
    ("role", "forged"),
    [
        (Role.RESIDENT, Capacity.ELECTED),
        (Role.RESIDENT, Capacity.CITY_STAFF),
        (Role.FACILITATOR, Capacity.CITY_STAFF),
        (Role.ELECTED, Capacity.CITY_STAFF),
        (Role.CITY_STAFF, Capacity.ELECTED),
        (Role.RESIDENT, Capacity.COUNCIL_MEMBER),
        (Role.RESIDENT, "mayor"),
    ],
)
def test_a_forged_capacity_is_refused_in_french(client, role, forged):
    workshop = WorkshopFactory(capacity=10)
    client.force_login(UserFactory(role=role))

    response = client.post(join_url(workshop), {"capacity": forged})

    assert response.status_code == 200
    assert invalid_choice(forged) in response.content.decode()
    assert_nothing_stored(workshop)


def test_a_council_where_one_holds_no_mandate_is_refused(client):
    person = UserFactory()
    MandateFactory(user=person)
    other = CouncilFactory()
    workshop = WorkshopFactory()
    client.force_login(person)

    response = client.post(
        join_url(workshop), {"capacity": Capacity.COUNCIL_MEMBER, "council": other.pk}
    )

    assert response.status_code == 200
    refusal = french("Select a valid choice. That choice is not one of the available choices.")
    assert refusal in response.content.decode()
    assert_nothing_stored(workshop)


def test_a_council_whose_mandate_ended_is_refused(client):
    person = UserFactory()
    council = MandateFactory(
        user=person,
        starts_on=timezone.localdate() - 800 * DAY,
        ends_on=timezone.localdate() - DAY,
    ).council
    workshop = WorkshopFactory()
    client.force_login(person)

    response = client.post(
        join_url(workshop), {"capacity": Capacity.COUNCIL_MEMBER, "council": council.pk}
    )

    assert response.status_code == 200
    assert invalid_choice(Capacity.COUNCIL_MEMBER) in response.content.decode()
    assert_nothing_stored(workshop)


# The service checks the same, for any caller


@pytest.mark.parametrize(
    ("role", "forged"),
    [(Role.RESIDENT, Capacity.ELECTED), (Role.ELECTED, Capacity.CITY_STAFF)],
)
def test_the_service_refuses_a_role_one_does_not_hold(english, role, forged):
    workshop = WorkshopFactory()

    with pytest.raises(services.InvalidCapacity) as refusal:
        services.workshop_join(workshop=workshop, user=UserFactory(role=role), capacity=forged)

    label = Role(services.ROLE_OF_CAPACITY[forged]).label
    assert refusal.value.errors == {
        "capacity": [f"Only people whose account has the role “{label}” can take part as such."]
    }
    assert_nothing_stored(workshop)


@pytest.mark.parametrize("mandate", ["none", "ended", "upcoming", "elsewhere"])
def test_the_service_refuses_a_council_without_a_current_mandate(english, mandate):
    person = UserFactory()
    council = CouncilFactory()
    today = timezone.localdate()
    dates = {
        "ended": {"starts_on": today - 800 * DAY, "ends_on": today - DAY},
        "upcoming": {"starts_on": today + DAY},
    }
    if mandate in dates:
        MandateFactory(user=person, council=council, **dates[mandate])
    elif mandate == "elsewhere":
        MandateFactory(user=person)
    workshop = WorkshopFactory()

    with pytest.raises(services.InvalidCapacity) as refusal:
        services.workshop_join(
            workshop=workshop, user=person, capacity=Capacity.COUNCIL_MEMBER, council=council
        )

    assert refusal.value.errors == {
        "council": ["You do not hold a current mandate in this council."]
    }
    assert_nothing_stored(workshop)


# Capacities people hold


@pytest.mark.parametrize(
    ("role", "capacity"), [(Role.ELECTED, Capacity.ELECTED), (Role.CITY_STAFF, Capacity.CITY_STAFF)]
)
def test_elected_officials_and_city_staff_join_as_such(client, role, capacity):
    workshop = WorkshopFactory()
    person = UserFactory(role=role)
    client.force_login(person)

    response = client.post(join_url(workshop), {"capacity": capacity})

    assert response.status_code == 302
    assert Participation.objects.get(workshop=workshop, user=person).capacity == capacity
    label = Capacity(capacity).label
    assert (str(label), 1) in selectors.counts_by_capacity(workshop=workshop)


def test_a_council_member_joins_for_their_council(client):
    person = UserFactory()
    council = MandateFactory(user=person).council
    workshop = WorkshopFactory()
    client.force_login(person)

    client.post(join_url(workshop), {"capacity": Capacity.COUNCIL_MEMBER, "council": council.pk})

    participation = Participation.objects.get(workshop=workshop, user=person)
    assert (participation.capacity, participation.council) == (Capacity.COUNCIL_MEMBER, council)


# Association names


def test_an_association_name_is_required(client, resident):
    workshop = WorkshopFactory()
    client.force_login(resident)

    response = client.post(join_url(workshop), {"capacity": Capacity.ASSOCIATION})

    assert response.status_code == 200
    assert french("Please give the name of your association.") in response.content.decode()
    assert_nothing_stored(workshop)


def test_an_association_name_is_stored_cleaned(client, resident):
    workshop = WorkshopFactory()
    client.force_login(resident)

    client.post(
        join_url(workshop),
        {"capacity": Capacity.ASSOCIATION, "association_name": "  Vélo\u200b   Cité\t "},
    )

    assert Participation.objects.get(workshop=workshop).association_name == "Vélo Cité"


def test_the_service_cleans_and_requires_it_too(resident):
    workshop = WorkshopFactory()

    with pytest.raises(ApplicationError) as refusal:
        services.workshop_join(
            workshop=workshop,
            user=resident,
            capacity=Capacity.ASSOCIATION,
            association_name="\u200b\u200b",
        )
    assert list(refusal.value.errors) == ["association_name"]
    assert_nothing_stored(workshop)

    services.workshop_join(
        workshop=workshop,
        user=resident,
        capacity=Capacity.ASSOCIATION,
        association_name=" Les  Amis\u200b du parc ",
    )
    assert Participation.objects.get().association_name == "Les Amis du parc"
