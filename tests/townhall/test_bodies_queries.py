"""The town hall's pages ask as many queries for a few rows as for many: the bodies list for
3 and 20 bodies, a body's page for 2 and 30 members and sessions, a session's page for 2 and
30 agenda items (dossiers with their delegates, councils' submissions, vœux)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ateliers.townhall import services
from ateliers.townhall.models import Body, ItemKind

from .bodies_data import (
    body,
    city_staff,
    delegates_for,
    session,
    submission,
    workshop_with_dossier,
)

pytestmark = pytest.mark.django_db

WHO = ["anonymous", "city_staff"]


def queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def as_(client, who: str):
    if who == "city_staff":
        client.force_login(city_staff(email="equipe@ville.example"))


@pytest.mark.parametrize("who", WHO)
def test_the_bodies_list_does_not_grow_with_the_bodies(client, who, django_assert_max_num_queries):
    as_(client, who)
    staff = city_staff()
    kinds = [Body.Kind.COMMISSION, Body.Kind.CONSULTATIVE_COMMITTEE]

    def add(start: int, stop: int) -> None:
        for number in range(start, stop):
            made = body(kinds[number % 2], f"Instance {number}", by=staff)
            session(made, days=number + 1, by=staff)

    body(Body.Kind.MUNICIPAL_COUNCIL, "Conseil municipal", by=staff)
    add(0, 2)
    address = reverse("townhall:bodies")
    few = queries(client, address)
    add(2, 19)
    assert Body.objects.count() == 20
    assert queries(client, address) == few
    # The account (logged in); the bodies, their next sessions, the upcoming sessions.
    with django_assert_max_num_queries(4):
        client.get(address)


def _fill_body(made: Body, number: int, staff, start: int = 0) -> None:
    for index in range(start, start + number):
        services.member_add(
            actor=staff, body=made, name=f"Élu {index}", capacity="councillor", role="member"
        )
        a_session = session(made, days=index + 1 if index % 2 else -(index + 1), by=staff)
        services.item_add(actor=staff, session=a_session, kind=ItemKind.VOEU, title="Un vœu")


@pytest.mark.parametrize("who", WHO)
def test_a_body_page_does_not_grow_with_its_members_and_sessions(
    client, who, django_assert_max_num_queries
):
    as_(client, who)
    staff = city_staff()
    made = body(by=staff)
    made.themes.create(name="Urbanisme", slug="urbanisme")
    _fill_body(made, 2, staff)
    address = made.get_absolute_url()
    few = queries(client, address)
    _fill_body(made, 28, staff, start=2)
    assert made.members.count() == 30 and made.sessions.count() == 30
    assert queries(client, address) == few
    # The account (logged in); the body, its themes, its members, the upcoming sessions,
    # the past ones and their count for the pages.
    with django_assert_max_num_queries(7):
        client.get(address)


def _fill_agenda(a_session, number: int, staff, start: int = 0) -> None:
    for index in range(start, start + number):
        kind = index % 3
        if kind == 0:
            workshop = workshop_with_dossier(f"Atelier {index}")
            delegates_for(workshop, f"Déléguée {index}", f"Délégué {index}")
            services.item_add(
                actor=staff, session=a_session, kind=ItemKind.DOSSIER, workshop=workshop
            )
        elif kind == 1:
            services.item_add(
                actor=staff,
                session=a_session,
                kind=ItemKind.SUBMISSION,
                submission=submission(f"Avis {index}", by=staff),
            )
        else:
            services.item_add(
                actor=staff, session=a_session, kind=ItemKind.VOEU, title=f"Vœu {index}"
            )


@pytest.mark.parametrize("who", WHO)
def test_a_session_page_does_not_grow_with_its_agenda(client, who, django_assert_max_num_queries):
    as_(client, who)
    staff = city_staff()
    a_session = session(body(Body.Kind.MUNICIPAL_COUNCIL, "Conseil municipal", by=staff), by=staff)
    _fill_agenda(a_session, 2, staff)
    address = a_session.get_absolute_url()
    few = queries(client, address)
    _fill_agenda(a_session, 28, staff, start=2)
    assert a_session.items.count() == 30
    assert queries(client, address) == few
    # The account (logged in); the session with its body; the items with their workshops,
    # delegations and councils; the delegates with their accounts.
    with django_assert_max_num_queries(4):
        client.get(address)
