"""The city team runs the town hall from its pages: a body and its members (the law's rule on
who sits where shown on the form), sessions, the agenda (add, move, remove) and outcomes."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.townhall import services
from ateliers.townhall.models import AgendaItem, Body, BodyMember, ItemKind, Session
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, WorkshopFactory
from tests.recommendations.dossier_data import adopt

from .bodies_data import body, city_staff, held, session, submission, workshop_with_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    person = city_staff()
    client.force_login(person)
    return person


def url(name: str, item: AgendaItem | None = None, **kwargs) -> str:
    if item is not None:
        kwargs = {"slug": item.session.body.slug, "pk": item.session_id, "item": item.pk}
    return reverse(f"townhall:{name}", kwargs=kwargs)


def session_url(name: str, a_session: Session) -> str:
    return url(name, slug=a_session.body.slug, pk=a_session.pk)


def follow(client, address: str, data: dict | None = None) -> str:
    response = client.post(address, data or {}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def agenda_titles(a_session: Session) -> list[str]:
    return list(a_session.items.order_by("position").values_list("title", flat=True))


# Bodies and members


def test_the_city_team_adds_a_body_then_seats_its_members(client, staff):
    form = client.get(url("body_create")).content.decode()
    assert "Kind of body" in form

    page = follow(
        client,
        url("body_create"),
        {"kind": "commission", "name": "Commission des sports", "description": "Le sport."},
    )

    made = Body.objects.get(name="Commission des sports")
    assert made.kind == "commission"
    assert "The body is created. Seat its members now." in page
    page = follow(
        client,
        url("body_members", slug=made.slug),
        {"name": "Marie Adjointe", "capacity": "councillor", "role": "chair"},
    )
    assert "The member is seated." in page and "Marie Adjointe" in page


def test_a_second_municipal_council_is_refused_on_the_form(client, staff):
    body(Body.Kind.MUNICIPAL_COUNCIL, "Conseil municipal")
    response = client.post(url("body_create"), {"kind": "municipal_council", "name": "Autre"})
    assert response.status_code == 200
    assert "The city already has its municipal council." in response.content.decode()
    assert Body.objects.count() == 1


def test_a_resident_cannot_be_seated_in_a_commission(client, staff):
    commission = body(Body.Kind.COMMISSION)
    response = client.post(
        url("body_members", slug=commission.slug),
        {"name": "Alice Habitante", "capacity": "resident", "role": "member"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Only municipal councillors sit in the municipal council and its commissions" in page
    assert "residents are heard there" in page
    assert not BodyMember.objects.exists()


def test_a_resident_is_seated_in_a_consultative_committee(client, staff):
    committee = body(Body.Kind.CONSULTATIVE_COMMITTEE, "Comité des usagers")
    follow(
        client,
        url("body_members", slug=committee.slug),
        {"name": "Alice Habitante", "capacity": "resident", "role": "member"},
    )
    assert committee.members.get().capacity == "resident"


def test_removing_a_member_asks_first(client, staff):
    commission = body()
    member = services.member_add(
        actor=staff, body=commission, name="Paul Conseiller", capacity="councillor", role="member"
    )
    address = url("member_remove", slug=commission.slug, pk=member.pk)
    confirmation = client.get(address).content.decode()
    assert "Remove Paul Conseiller?" in confirmation
    assert BodyMember.objects.exists()

    page = follow(client, address)
    assert "Paul Conseiller no longer sits in this body." in page
    assert not BodyMember.objects.exists()


def test_a_member_is_reached_through_its_own_body_only(client, staff):
    commission, other = body(), body(Body.Kind.CONSULTATIVE_COMMITTEE, "Comité")
    member = services.member_add(
        actor=staff, body=commission, name="Paul", capacity="councillor", role="member"
    )
    assert client.post(url("member_remove", slug=other.slug, pk=member.pk)).status_code == 404
    assert BodyMember.objects.exists()


# Sessions


def public_box_checked(response) -> bool:
    (box,) = re.findall(r'<input type="checkbox" name="public"[^>]*>', response.content.decode())
    return " checked" in box


def test_the_city_team_schedules_a_session_closed_like_its_commission(client, staff):
    commission = body()
    council = body(Body.Kind.MUNICIPAL_COUNCIL, "Conseil municipal")
    assert not public_box_checked(client.get(url("session_create", slug=commission.slug)))
    assert public_box_checked(client.get(url("session_create", slug=council.slug)))

    page = follow(
        client,
        url("session_create", slug=commission.slug),
        {"starts_at": "2030-03-04T18:30", "place": "Salle Jaurès"},
    )

    made = commission.sessions.get()
    assert made.place == "Salle Jaurès" and not made.public
    assert "The session is scheduled." in page and "Closed to the public" in page


def test_cancelling_a_session_asks_first_then_closes_its_agenda(client, staff):
    a_session = session(body())
    address = session_url("session_cancel", a_session)
    assert "Cancel the session?" in client.get(address).content.decode()

    page = follow(client, address)

    a_session.refresh_from_db()
    assert a_session.cancelled
    assert "The session is cancelled." in page and "This session is cancelled." in page
    assert "Add an agenda item" not in page


def test_the_minutes_of_a_session_that_took_place(client, staff):
    a_session = session(body(), days=-1)
    page = follow(
        client,
        session_url("session_outcome", a_session),
        {"minutes": "Les points ont été examinés.", "record_url": "https://ville.example/pv"},
    )
    a_session.refresh_from_db()
    assert a_session.held_at is not None
    assert "Les points ont été examinés." in page and "https://ville.example/pv" in page


def test_no_minutes_before_the_session(client, staff):
    a_session = session(body(), days=3)
    response = client.post(session_url("session_outcome", a_session), {"minutes": "Tôt."})
    assert "The session has not taken place yet." in response.content.decode()
    a_session.refresh_from_db()
    assert a_session.held_at is None


# The agenda


def test_the_agenda_grows_moves_and_shrinks(client, staff):
    a_session = session(body())
    workshop = workshop_with_dossier("La place du marché")
    council_text = submission("Un avis du conseil de quartier")
    add = session_url("item_add", a_session)

    page = follow(client, add, {"kind": ItemKind.VOEU, "title": "Un vœu pour la gare"})
    assert "The item is on the agenda." in page
    follow(client, add, {"kind": ItemKind.DOSSIER, "workshop": workshop.pk})
    follow(client, add, {"kind": ItemKind.SUBMISSION, "submission": council_text.pk})
    assert agenda_titles(a_session) == [
        "Un vœu pour la gare",
        "Dossier of the workshop “La place du marché”",
        "Un avis du conseil de quartier",
    ]

    last = a_session.items.get(kind=ItemKind.SUBMISSION)
    follow(client, url("item_up", last))
    assert agenda_titles(a_session)[1] == "Un avis du conseil de quartier"
    first = a_session.items.get(kind=ItemKind.VOEU)
    follow(client, url("item_down", first))
    assert agenda_titles(a_session) == [
        "Un avis du conseil de quartier",
        "Un vœu pour la gare",
        "Dossier of the workshop “La place du marché”",
    ]

    confirmation = client.get(url("item_remove", first)).content.decode()
    assert "Take this item off the agenda?" in confirmation
    assert a_session.items.count() == 3
    page = follow(client, url("item_remove", first))
    assert "“Un vœu pour la gare” is off the agenda." in page
    assert agenda_titles(a_session) == [
        "Un avis du conseil de quartier",
        "Dossier of the workshop “La place du marché”",
    ]
    assert list(a_session.items.order_by("position").values_list("position", flat=True)) == [1, 2]


def test_moving_is_a_post_only(client, staff):
    a_session = session(body())
    item = services.item_add(actor=staff, session=a_session, kind=ItemKind.VOEU, title="Un vœu")
    assert client.get(url("item_up", item)).status_code == 405


def test_the_item_form_offers_only_the_dossiers_that_may_be_heard(client, staff):
    ready = workshop_with_dossier("Prête pour la mairie")
    # Adopted recommendations but still in its recommendations phase: not heard yet.
    early = WorkshopFactory(phase=PhaseKind.RECOMMENDATIONS, title="Encore en préparation")
    adopt(early, title="Un texte", author=ParticipationFactory(workshop=early).user)
    # In its presentation but with nothing adopted: no dossier to hear.
    WorkshopFactory(phase=PhaseKind.PRESENTATION, title="Sans préconisation")
    a_session = session(body())

    form = client.get(session_url("item_add", a_session)).content.decode()
    assert "Prête pour la mairie" in form
    assert "Encore en préparation" not in form and "Sans préconisation" not in form

    response = client.post(
        session_url("item_add", a_session), {"kind": ItemKind.DOSSIER, "workshop": early.pk}
    )
    assert "Select a valid choice" in response.content.decode()
    assert not AgendaItem.objects.exists()
    follow(client, session_url("item_add", a_session), {"kind": "dossier", "workshop": ready.pk})
    assert AgendaItem.objects.get().workshop == ready
    # Already on this agenda: no longer offered for it.
    assert (
        "Prête pour la mairie"
        not in client.get(session_url("item_add", a_session)).content.decode()
    )


def test_a_dossier_item_needs_its_workshop(client, staff):
    a_session = session(body())
    response = client.post(session_url("item_add", a_session), {"kind": ItemKind.DOSSIER})
    assert "Please choose the workshop whose dossier is heard." in response.content.decode()
    assert not AgendaItem.objects.exists()


@pytest.mark.parametrize("how", ["cancelled", "held"])
def test_a_closed_session_refuses_new_items(client, staff, how):
    a_session = session(body())
    if how == "cancelled":
        services.session_cancel(actor=staff, session=a_session)
    else:
        held(a_session)
    closed_message = "its agenda is closed"

    response = client.get(session_url("item_add", a_session), follow=True)
    assert closed_message in response.content.decode()
    assert response.redirect_chain[-1][0] == a_session.get_absolute_url()

    response = client.post(
        session_url("item_add", a_session), {"kind": ItemKind.VOEU, "title": "Un vœu tardif"}
    )
    assert response.status_code == 200
    assert closed_message in response.content.decode()
    assert not AgendaItem.objects.exists()


# Outcomes


def _past_item(kind: str) -> AgendaItem:
    staff = city_staff()
    name = "Conseil municipal" if kind == Body.Kind.MUNICIPAL_COUNCIL else "Commission"
    a_session = session(body(kind, name, by=staff), by=staff)
    item = services.item_add(actor=staff, session=a_session, kind=ItemKind.VOEU, title="Un vœu")
    Session.objects.filter(pk=a_session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    return AgendaItem.objects.select_related("session__body").get(pk=item.pk)


def test_the_municipal_council_deliberates_with_a_number(client, staff):
    item = _past_item(Body.Kind.MUNICIPAL_COUNCIL)
    today = timezone.localdate().isoformat()
    page = follow(
        client,
        url("item_outcome", item),
        {"outcome": "Adopté.", "deliberation_number": "2026-17", "deliberation_date": today},
    )
    item.refresh_from_db()
    assert item.deliberation_number == "2026-17" and item.outcome_recorded_at is not None
    assert "outcome is recorded" in page
    assert "Deliberation no. 2026-17" in page


def test_a_commission_gives_an_opinion_not_a_deliberation(client, staff):
    item = _past_item(Body.Kind.COMMISSION)
    today = timezone.localdate().isoformat()
    response = client.post(
        url("item_outcome", item),
        {"outcome": "Avis favorable.", "deliberation_number": "12", "deliberation_date": today},
    )
    assert response.status_code == 200
    assert "Only the municipal council deliberates" in response.content.decode()
    item.refresh_from_db()
    assert item.outcome_recorded_at is None

    follow(client, url("item_outcome", item), {"outcome": "Avis favorable."})
    item.refresh_from_db()
    assert item.outcome == "Avis favorable." and item.deliberation_number == ""
