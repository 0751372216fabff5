"""A person holds one mandate at a time in a council, with plausible dates; staff find them by
name (never by showing their e-mail address) on a page whose cost does not grow with the city."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from ateliers.core.errors import InvalidInput
from ateliers.core.models import Role
from ateliers.councils import services
from ateliers.councils.models import Mandate
from tests import concurrency
from tests.factories import CouncilFactory, MandateFactory, NeighbourhoodFactory, UserFactory

DAY = datetime.timedelta(days=1)


def mandates_url(council) -> str:
    return reverse("councils:mandates", args=[council.slug])


@pytest.fixture
def staff_client(client, city_staff):
    client.force_login(city_staff)
    return client


# The same mandate saved several times


@pytest.mark.django_db(transaction=True)
def test_the_same_mandate_saved_seven_times_at_once_is_kept_once():
    council = CouncilFactory()
    person = UserFactory(display_name="Sofia Sept")
    today = timezone.localdate()

    outcomes = concurrency.run_at_once(
        [
            lambda: services.mandate_create(
                council=council, by=None, user=person, role=Mandate.Role.MEMBER, starts_on=today
            )
        ]
        * 7,
        refusals=(InvalidInput,),
        success="saved",
    )

    assert sorted(outcomes) == ["InvalidInput"] * 6 + ["saved"]
    assert Mandate.objects.filter(council=council, user=person).count() == 1


@pytest.mark.django_db
def test_the_database_keeps_the_same_mandate_once():
    mandate = MandateFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Mandate.objects.create(
            council=mandate.council, user=mandate.user, role="member", starts_on=mandate.starts_on
        )


# One mandate at a time


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("starts_on", "ends_on"),
    [
        ("2024-06-01", None),  # open-ended, inside the first one
        ("2023-01-01", "2024-01-01"),  # ends on the first one's first day
        ("2024-12-31", "2025-06-30"),  # starts on the first one's last day
        ("2020-01-01", None),  # covers it all
    ],
)
def test_a_second_mandate_over_the_same_days_is_refused_by_name(
    staff_client, council, starts_on, ends_on
):
    person = UserFactory(display_name="Malik Double")
    MandateFactory(
        council=council,
        user=person,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2024, 12, 31),
    )

    response = staff_client.post(
        mandates_url(council),
        {
            "personne": "Malik",
            "user": person.pk,
            "role": "secretary",
            "starts_on": starts_on,
            "ends_on": ends_on or "",
        },
    )

    assert response.status_code == 200
    assert (
        "Malik Double already has a mandate in this council for these dates. "
        "Change that mandate, or choose other dates."
    ) in response.content.decode()
    assert Mandate.objects.filter(user=person).count() == 1


@pytest.mark.django_db
def test_the_service_names_the_person_and_the_field(council):
    person = UserFactory(display_name="Malik Double")
    MandateFactory(council=council, user=person)

    with pytest.raises(InvalidInput) as refusal:
        services.mandate_create(
            council=council, by=None, user=person, role="member", starts_on=timezone.localdate()
        )

    assert list(refusal.value.errors) == ["user"]
    assert "Malik Double" in str(refusal.value)


@pytest.mark.django_db
def test_mandates_one_after_the_other_or_in_another_council_are_fine(council):
    person = UserFactory()
    MandateFactory(
        council=council,
        user=person,
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2022, 12, 31),
    )

    services.mandate_create(
        council=council, by=None, user=person, role="member", starts_on=datetime.date(2023, 1, 1)
    )
    services.mandate_create(
        council=CouncilFactory(),
        by=None,
        user=person,
        role="member",
        starts_on=timezone.localdate(),
    )

    assert Mandate.objects.filter(user=person).count() == 3


@pytest.mark.django_db
def test_moving_a_mandate_onto_another_of_the_same_person_is_refused(council):
    person = UserFactory(display_name="Malik Double")
    MandateFactory(council=council, user=person, starts_on=datetime.date(2020, 1, 1), ends_on=None)
    earlier = MandateFactory(
        council=council,
        user=person,
        starts_on=datetime.date(2015, 1, 1),
        ends_on=datetime.date(2016, 1, 1),
    )

    with pytest.raises(InvalidInput, match="Malik Double"):
        services.mandate_update(
            mandate=earlier, by=None, role="member", starts_on=earlier.starts_on, ends_on=None
        )
    earlier.refresh_from_db()
    assert earlier.ends_on == datetime.date(2016, 1, 1)


# Plausible dates


DATE_ERROR = "Please give a date between 1950 and 2099."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("starts_on", "ends_on"),
    [
        ("1949-12-31", ""),
        ("0001-01-01", ""),
        ("2026-01-01", "2100-01-01"),
        ("2026-01-01", "9999-12-31"),
        ("2100-01-01", ""),
    ],
)
def test_implausible_dates_are_a_form_error(staff_client, council, starts_on, ends_on):
    person = UserFactory()

    response = staff_client.post(
        mandates_url(council),
        {"user": person.pk, "role": "member", "starts_on": starts_on, "ends_on": ends_on},
    )

    assert response.status_code == 200
    assert DATE_ERROR in response.content.decode()
    assert not Mandate.objects.filter(user=person).exists()


@pytest.mark.django_db
def test_the_edit_form_refuses_them_too(staff_client, council, member):
    mandate = Mandate.objects.get(user=member)

    response = staff_client.post(
        reverse("councils:mandate_edit", args=[council.slug, mandate.pk]),
        {"role": "member", "starts_on": str(mandate.starts_on), "ends_on": "2100-01-01"},
    )

    assert DATE_ERROR in response.content.decode()
    mandate.refresh_from_db()
    assert mandate.ends_on is None


@pytest.mark.django_db
def test_the_service_refuses_them(council):
    with pytest.raises(InvalidInput) as refusal:
        services.mandate_create(
            council=council,
            by=None,
            user=UserFactory(),
            role="member",
            starts_on=datetime.date(1900, 1, 1),
            ends_on=datetime.date(2200, 1, 1),
        )

    assert refusal.value.errors == {"starts_on": [DATE_ERROR], "ends_on": [DATE_ERROR]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("starts_on", "ends_on"),
    [(datetime.date(1949, 12, 31), None), (datetime.date(2026, 1, 1), datetime.date(2100, 1, 1))],
)
def test_the_database_refuses_them(council, starts_on, ends_on):
    with pytest.raises(IntegrityError, match="mandate_dates_plausible"), transaction.atomic():
        Mandate.objects.create(
            council=council, user=UserFactory(), role="member", starts_on=starts_on, ends_on=ends_on
        )


# Finding the person


@pytest.mark.django_db
def test_people_are_found_by_part_of_their_name_and_shown_without_their_address(
    staff_client, council
):
    centre = NeighbourhoodFactory(name="Centre")
    UserFactory(display_name="Moussa Diallo", email="moussa@example.org", neighbourhood=centre)
    UserFactory(display_name="Denis Moussard", email="denis@example.org", role=Role.ELECTED)
    UserFactory(
        display_name="Camille Moussu",
        email="camille@example.org",
        role=Role.CITY_STAFF,
        neighbourhood=centre,
    )
    UserFactory(display_name="Paul Autre", email="paul@example.org")

    response = staff_client.get(mandates_url(council), {"personne": "OUSS"})

    labels = [label for _pk, label in response.context["form"].fields["user"].choices]
    assert labels == [
        "Camille Moussu — Centre — City staff",
        "Denis Moussard — Elected official",
        "Moussa Diallo — Centre",
    ]
    page = response.content.decode()
    assert "Paul Autre" not in page
    assert "@example.org" not in page


@pytest.mark.django_db
def test_an_address_finds_its_person_only_when_exact(staff_client, council):
    person = UserFactory(display_name="Moussa Diallo", email="moussa@example.org")

    exact = staff_client.get(mandates_url(council), {"personne": "Moussa@Example.org"})
    partial = staff_client.get(mandates_url(council), {"personne": "moussa@"})

    assert exact.context["form"].fields["user"].choices == [(person.pk, "Moussa Diallo")]
    assert partial.context["form"].fields["user"].choices == []
    # The person's own address is not shown (what staff typed stays in the search box).
    assert "moussa@example.org" not in exact.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("found", [3, 40])
def test_the_page_costs_the_same_whatever_the_number_of_accounts(
    staff_client, council, django_assert_num_queries, found
):
    neighbourhoods = NeighbourhoodFactory.create_batch(3)
    roles = [Role.RESIDENT, Role.ELECTED, Role.CITY_STAFF]
    for index in range(found):
        person = UserFactory(
            display_name=f"Lou Trouvée {index}",
            neighbourhood=neighbourhoods[index % 3],
            role=roles[index % 3],
        )
        MandateFactory(council=council, user=person, starts_on=datetime.date(2000 + index, 1, 1))
    UserFactory.create_batch(found)  # accounts the search does not find

    # 1 the user (the session comes from the cache), 2 the council, 3 its mandates with their
    # people, 4 the people the search found (at most 20) with their neighbourhood.
    with django_assert_num_queries(4):
        response = staff_client.get(mandates_url(council), {"personne": "trouvée"})

    assert len(response.context["form"].fields["user"].choices) == min(found, 20)
    assert response.content.decode().count("Lou Trouvée") >= found


@pytest.mark.django_db
def test_the_search_lists_active_accounts_only(staff_client, council):
    UserFactory(display_name="Lou Partie", is_active=False)

    response = staff_client.get(mandates_url(council), {"personne": "Lou"})

    assert response.context["form"].fields["user"].choices == []
