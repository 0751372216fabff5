"""Who may manage the town hall's bodies through HTTP: every management address, for every
role. A visitor is sent to log in, any account outside the city team gets 403 (the workshop's
participant and facilitator, an elected official included), and nothing is written; the city
team's staff and administrators succeed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ateliers.townhall import services
from ateliers.townhall.models import AgendaItem, Body, BodyMember, ItemKind, Session
from tests.roles import CITY_TEAM, ROLES, assert_refused, log_in

from .bodies_data import body, city_staff, session, workshop_with_dossier

pytestmark = pytest.mark.django_db


class Town:
    """A commission with a member, a session in ten days with three items (the second a
    workshop's dossier), and a session held yesterday with one item."""

    def __init__(self):
        staff = city_staff()
        self.workshop = workshop_with_dossier()
        self.body = body(by=staff)
        self.member = services.member_add(
            actor=staff,
            body=self.body,
            name="Paul Conseiller",
            capacity="councillor",
            role="member",
        )
        self.session = session(self.body, by=staff)
        self.items = [
            services.item_add(actor=staff, session=self.session, kind=ItemKind.VOEU, title="Un"),
            services.item_add(
                actor=staff, session=self.session, kind=ItemKind.DOSSIER, workshop=self.workshop
            ),
            services.item_add(actor=staff, session=self.session, kind=ItemKind.VOEU, title="Trois"),
        ]
        self.past = session(self.body, by=staff)
        self.past_item = services.item_add(
            actor=staff, session=self.past, kind=ItemKind.VOEU, title="Passé"
        )
        Session.objects.filter(pk=self.past.pk).update(
            starts_at=timezone.now() - datetime.timedelta(days=1)
        )

    def at(self, name: str, *, of=None, **kwargs) -> str:
        if isinstance(of, AgendaItem):
            kwargs = {"slug": self.body.slug, "pk": of.session_id, "item": of.pk}
        elif isinstance(of, Session):
            kwargs = {"slug": self.body.slug, "pk": of.pk}
        elif name != "body_create":
            kwargs = {"slug": self.body.slug, **kwargs}
        return reverse(f"townhall:{name}", kwargs=kwargs)

    def snapshot(self) -> tuple:
        """Everything the actions below could change."""
        return (
            list(Body.objects.values_list("name", "kind", "description")),
            list(BodyMember.objects.values_list("name", flat=True)),
            list(Session.objects.values_list("place", "cancelled", "minutes", "held_at")),
            list(AgendaItem.objects.values_list("title", "position", "outcome")),
        )


# name → (address, POST data, whether it has a page to GET)
def actions(town: Town) -> dict:
    first, dossier, third = town.items
    return {
        "body_create": (
            town.at("body_create"),
            {"kind": "consultative_committee", "name": "Comité des usagers"},
            True,
        ),
        "body_edit": (
            town.at("body_edit"),
            {"kind": "commission", "name": "Commission renommée", "public_sessions": ""},
            True,
        ),
        "body_members": (
            town.at("body_members"),
            {"name": "Marie Adjointe", "capacity": "councillor", "role": "chair"},
            True,
        ),
        "member_remove": (town.at("member_remove", pk=town.member.pk), {}, True),
        "session_create": (
            town.at("session_create"),
            {"starts_at": "2030-05-06T18:00", "place": "Salle B"},
            True,
        ),
        "session_edit": (
            town.at("session_edit", of=town.session),
            {"starts_at": "2030-05-07T18:00", "place": "Salle C"},
            True,
        ),
        "session_outcome": (
            town.at("session_outcome", of=town.past),
            {"minutes": "Tenue."},
            True,
        ),
        "item_add": (
            town.at("item_add", of=town.session),
            {"kind": ItemKind.VOEU, "title": "Un vœu de plus"},
            True,
        ),
        "item_up": (town.at("item_up", of=third), {}, False),
        "item_down": (town.at("item_down", of=first), {}, False),
        "item_remove": (town.at("item_remove", of=dossier), {}, True),
        "item_outcome": (
            town.at("item_outcome", of=town.past_item),
            {"outcome": "Avis favorable."},
            True,
        ),
        # Last: it closes the session's agenda.
        "session_cancel": (town.at("session_cancel", of=town.session), {}, True),
    }


@pytest.mark.parametrize("role", ROLES)
def test_only_the_city_team_manages_the_town_hall(client, role):
    town = Town()
    log_in(client, role, workshops=[town.workshop])
    for name, (address, data, has_page) in actions(town).items():
        before = town.snapshot()
        # The page first (what it removes is gone after the POST), then the action.
        answers = [client.get(address)] if has_page else []
        answers.append(client.post(address, data))
        for answer in answers:
            if role in CITY_TEAM:
                assert answer.status_code in (200, 302), (name, answer.status_code)
            else:
                assert_refused(answer, role)
        if role in CITY_TEAM:
            assert answers[-1].status_code == 302, name
            assert town.snapshot() != before, f"{name} changed nothing"
        else:
            assert town.snapshot() == before, f"{name} changed something for {role}"
