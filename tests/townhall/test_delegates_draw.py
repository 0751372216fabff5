"""The draw of delegates is reproducible: re-running `draw()` from the recorded seed and
volunteers, or the verify_draw command, gives the recorded delegates; it draws only volunteers
who still take part, and refuses to draw more delegates than there are volunteers."""

import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from ateliers.core.errors import ApplicationError
from ateliers.townhall import delegates
from ateliers.townhall.models import Delegate, Delegation, Volunteer
from ateliers.workshops.models import Participation
from ateliers.workshops.phases import PhaseKind
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

from .delegates_data import volunteers

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    return WorkshopFactory(phase=PhaseKind.PRESENTATION, slug="place-du-marche")


@pytest.fixture
def team():
    return UserFactory(display_name="Fatou Animatrice")


def recorded(delegation) -> list[int]:
    return list(delegation.delegates.order_by("position").values_list("user_id", flat=True))


def verify(slug: str) -> str:
    out = StringIO()
    call_command("verify_draw", slug, stdout=out)
    return out.getvalue()


def test_a_recorded_draw_is_drawn_again_by_anyone_from_its_seed_and_volunteers(workshop, team):
    volunteers(workshop, 12)
    delegation = delegates.delegates_draw(
        actor=team, workshop=workshop, seats=3, seed="loto-2026-05-12"
    )
    delegation.refresh_from_db()

    assert delegation.seed == "loto-2026-05-12"
    assert sorted(delegation.candidates) == delegation.candidates
    again = delegates.draw(delegation.seed, delegation.candidates, delegation.seats)
    assert again == recorded(delegation) and len(again) == 3
    # The arithmetic the page describes, written out again without our function.
    by_hand = sorted(
        delegation.candidates,
        key=lambda uid: hashlib.sha256(f"loto-2026-05-12:{uid}".encode()).hexdigest(),
    )[:3]
    assert by_hand == again

    output = verify("place-du-marche")
    assert "Seed: loto-2026-05-12" in output
    assert "Volunteers: 12; delegates: 3" in output
    for position, user_id in enumerate(again, start=1):
        assert f"{position}. {user_id}  " in output
        assert delegates.ticket("loto-2026-05-12", user_id) in output
    assert "They match the recorded delegates." in output


def test_without_a_seed_a_random_one_is_recorded_and_the_draw_still_checks(workshop, team):
    volunteers(workshop, 5)
    delegation = delegates.delegates_draw(actor=team, workshop=workshop, seats=2)
    assert len(delegation.seed) == 32
    assert "They match" in verify(workshop.slug)


def test_the_command_says_when_the_recorded_delegates_do_not_match(workshop, team):
    volunteers(workshop, 6)
    delegation = delegates.delegates_draw(actor=team, workshop=workshop, seats=2, seed="s")
    first = Delegate.objects.get(delegation=delegation, position=1)
    not_drawn = next(uid for uid in delegation.candidates if uid not in recorded(delegation))
    Delegate.objects.filter(pk=first.pk).update(user_id=not_drawn)

    with pytest.raises(CommandError, match="do NOT match") as refused:
        verify(workshop.slug)
    assert refused.value.returncode == 1


def test_the_command_refuses_a_workshop_without_a_draw(workshop, team):
    with pytest.raises(CommandError, match="no delegates are recorded"):
        verify(workshop.slug)
    elected = ParticipationFactory(workshop=workshop).user
    delegates.delegates_elect(actor=team, workshop=workshop, elected=[(elected, None)])
    with pytest.raises(CommandError, match="elected, not drawn"):
        verify(workshop.slug)


def test_another_seed_gives_another_order(workshop):
    candidates = [person.pk for person in volunteers(workshop, 50)]
    first = delegates.draw("graine-a", candidates, 50)
    second = delegates.draw("graine-b", candidates, 50)
    assert sorted(first) == sorted(second) == sorted(candidates)
    # 50! orders: the same one twice would be a broken hash, not bad luck.
    assert first != second
    assert delegates.draw("graine-a", candidates, 3) == first[:3]
    # The order does not depend on the order the volunteers are given in.
    assert delegates.draw("graine-a", list(reversed(candidates)), 50) == first


def test_fewer_volunteers_than_seats_is_refused_with_its_message(workshop, team):
    volunteers(workshop, 2)
    with pytest.raises(ApplicationError) as refused:
        delegates.delegates_draw(actor=team, workshop=workshop, seats=3)
    assert "Only 2 participants volunteered: not enough to draw 3." in str(refused.value)
    assert not Delegation.objects.exists()


def test_the_form_shows_the_refusal_next_to_the_number_of_delegates(client, workshop, team):
    workshop.facilitators.add(team)
    volunteers(workshop, 1)
    client.force_login(team)
    response = client.post(
        reverse("townhall:delegates_draw", args=[workshop.slug]), {"seats": 2, "confirm": "on"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["seats"] == [
        "Only 1 participant volunteered: not enough to draw 2."
    ]
    assert not Delegation.objects.exists()


def test_a_volunteer_who_left_the_workshop_is_not_drawn(workshop, team):
    gone, *others = volunteers(workshop, 4)
    Participation.objects.filter(workshop=workshop, user=gone).delete()

    delegation = delegates.delegates_draw(actor=team, workshop=workshop, seats=3, seed="x")

    assert gone.pk not in delegation.candidates
    assert sorted(delegation.candidates) == sorted(person.pk for person in others)
    assert gone.pk not in recorded(delegation)
    assert Volunteer.objects.filter(user=gone).exists()  # the offer stays; it is not drawn


def test_after_the_draw_nobody_volunteers_or_withdraws(workshop, team):
    first, *_ = volunteers(workshop, 3)
    late = ParticipationFactory(workshop=workshop).user
    delegates.delegates_draw(actor=team, workshop=workshop, seats=1)

    with pytest.raises(delegates.AlreadyChosen):
        delegates.volunteer(workshop=workshop, user=late)
    with pytest.raises(delegates.AlreadyChosen):
        delegates.volunteer_withdraw(workshop=workshop, user=first)
    with pytest.raises(delegates.AlreadyChosen):
        delegates.delegates_draw(actor=team, workshop=workshop, seats=1)
    assert Volunteer.objects.filter(workshop=workshop).count() == 3
