"""The town hall's public pages, as anyone reads them: the bodies by kind with their next
session, a body with its members and sessions, a session with its agenda."""

import pytest
from django.urls import reverse

from ateliers.townhall import services
from ateliers.townhall.models import Body, ItemKind

from .bodies_data import (
    body,
    city_staff,
    delegates_for,
    held,
    session,
    submission,
    workshop_with_dossier,
)

pytestmark = pytest.mark.django_db


def test_the_bodies_page_groups_bodies_by_kind_council_first(client):
    staff = city_staff()
    committee = body(Body.Kind.CONSULTATIVE_COMMITTEE, "Comité des usagers du port", by=staff)
    commission = body(Body.Kind.COMMISSION, "Commission des finances", by=staff)
    council = body(Body.Kind.MUNICIPAL_COUNCIL, "Conseil municipal", by=staff)
    session(council, days=3, by=staff)
    session(commission, days=-3, by=staff)  # past: not its next session

    page = client.get(reverse("townhall:bodies")).content.decode()

    assert page.index("Conseil municipal") < page.index("Commission des finances")
    assert page.index("Commission des finances") < page.index("Comité des usagers du port")
    assert "Only municipal councillors sit in them" in page
    assert "may include residents and associations" in page
    assert "Next session:" in page and "No session scheduled." in page
    assert "Upcoming sessions" in page
    assert "Add a body" not in page
    assert committee.get_absolute_url() in page


def test_the_city_team_sees_add_a_body(client):
    client.force_login(city_staff())
    page = client.get(reverse("townhall:bodies")).content.decode()
    assert reverse("townhall:body_create") in page


def test_a_body_page_shows_its_members_and_sessions(client):
    staff = city_staff()
    commission = body(description="Elle prépare les décisions en urbanisme.", by=staff)
    services.member_add(
        actor=staff, body=commission, name="Marie Adjointe", capacity="councillor", role="chair"
    )
    services.member_add(
        actor=staff, body=commission, name="Paul Conseiller", capacity="councillor", role="member"
    )
    upcoming = session(commission, days=5, by=staff)
    past = held(session(commission, days=2, by=staff))

    response = client.get(commission.get_absolute_url())
    page = response.content.decode()

    assert response.status_code == 200
    assert "Elle prépare les décisions en urbanisme." in page
    assert page.index("Marie Adjointe") < page.index("Paul Conseiller")
    assert "Chair" in page and "Municipal councillor" in page
    assert "Closed to the public" in page
    assert upcoming.get_absolute_url() in page and past.get_absolute_url() in page
    assert page.index(upcoming.get_absolute_url()) < page.index("Past sessions")
    assert page.index("Past sessions") < page.index(past.get_absolute_url())
    assert "Held" in page
    assert "Schedule a session" not in page


def test_the_past_sessions_are_paginated_by_20(client):
    staff = city_staff()
    commission = body(by=staff)
    for number in range(21):
        session(commission, days=-(number + 1), by=staff)
    first = client.get(commission.get_absolute_url()).content.decode()
    second = client.get(commission.get_absolute_url() + "?page=2").content.decode()
    assert "Page 1 of 2" in first and "Page 2 of 2" in second


def test_a_session_page_shows_its_agenda_with_the_delegates_heard(client):
    staff = city_staff()
    commission = body(by=staff)
    a_session = session(commission, by=staff)
    workshop = workshop_with_dossier()
    delegates_for(workshop, "Inès Déléguée", "Omar Délégué")
    other = workshop_with_dossier("La rue scolaire")
    services.item_add(actor=staff, session=a_session, kind=ItemKind.DOSSIER, workshop=workshop)
    services.item_add(actor=staff, session=a_session, kind=ItemKind.DOSSIER, workshop=other)
    council_text = submission(by=staff)
    services.item_add(
        actor=staff, session=a_session, kind=ItemKind.SUBMISSION, submission=council_text
    )
    services.item_add(
        actor=staff, session=a_session, kind=ItemKind.VOEU, title="Un vœu pour la gare"
    )

    response = client.get(a_session.get_absolute_url())
    page = response.content.decode()

    assert response.status_code == 200
    assert "Closed to the public" in page
    assert "Planned" in page
    assert workshop.get_absolute_url() in page
    assert reverse("recommendations:dossier", args=[workshop.slug]) in page
    assert "Delegates heard: Inès Déléguée, Omar Délégué" in page
    assert "delegates are not chosen yet" in page
    assert council_text.council.name in page
    assert page.index("La place du marché") < page.index("La rue scolaire")
    assert page.index("La rue scolaire") < page.index("Un avis sur les pistes cyclables")
    assert page.index("Un avis sur les pistes cyclables") < page.index("Un vœu pour la gare")
    assert "Add an agenda item" not in page and "Move up" not in page
    assert "Send the convocation" not in page


def test_a_held_session_shows_its_minutes_and_outcomes(client):
    staff = city_staff()
    council = body(Body.Kind.MUNICIPAL_COUNCIL, "Conseil municipal", by=staff)
    a_session = session(council, by=staff)
    item = services.item_add(actor=staff, session=a_session, kind=ItemKind.VOEU, title="Un vœu")
    a_session = held(a_session)
    item.refresh_from_db()
    services.item_outcome(
        actor=staff,
        item=item,
        outcome="Adopté à l’unanimité.",
        deliberation_number="2026-042",
        deliberation_date=a_session.starts_at.date(),
        record_url="https://ville.example/deliberations/2026-042.pdf",
    )

    page = client.get(a_session.get_absolute_url()).content.decode()

    assert "Held" in page and "Séance tenue." in page
    assert "Adopté à l’unanimité." in page
    assert "Deliberation no. 2026-042" in page
    assert "https://ville.example/deliberations/2026-042.pdf" in page


def test_the_convocation_date_is_shown_to_the_city_team_only(client):
    staff = city_staff()
    council = body(Body.Kind.MUNICIPAL_COUNCIL, "Conseil municipal", by=staff)
    a_session = session(council, days=20, by=staff)
    url = a_session.get_absolute_url()
    assert "Send the convocation" not in client.get(url).content.decode()

    client.force_login(staff)
    page = client.get(url).content.decode()
    assert "Send the convocation by" in page


@pytest.mark.parametrize("name", ["body", "session"])
def test_unknown_addresses_are_not_found(client, name):
    commission = body()
    kwargs = {"slug": "inconnue"} if name == "body" else {"slug": commission.slug, "pk": 999}
    assert client.get(reverse(f"townhall:{name}", kwargs=kwargs)).status_code == 404
