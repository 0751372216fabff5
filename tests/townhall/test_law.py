"""What French law says of the town hall's bodies, as the services enforce it: commissions
seat councillors only (CGCT L2121-22), the city has one municipal council, only the council
deliberates, and an agenda closes once its session is held or cancelled."""

import datetime

import pytest
from django.utils import timezone

from ateliers.core.errors import ApplicationError
from ateliers.recommendations.models import Recommendation
from ateliers.townhall import services
from ateliers.townhall.models import AgendaItem, Body, BodyKind, BodyMember, ItemKind
from ateliers.workshops.phases import PhaseKind
from tests.factories import UserFactory, WorkshopFactory
from tests.recommendations.adoption_helpers import drafted

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def staff():
    return UserFactory(role="city_staff")


def _body(staff, kind=BodyKind.COMMISSION, name="Commission urbanisme"):
    return services.body_save(actor=staff, kind=kind, name=name)


def _session(staff, body, *, days=10):
    return services.session_save(
        actor=staff,
        body=body,
        starts_at=timezone.now() + days * DAY,
        place="Salle du conseil",
        public=False,
    )


def test_a_commission_seats_councillors_only(staff):
    commission = _body(staff)
    with pytest.raises(ApplicationError, match="Only municipal councillors sit"):
        services.member_add(
            actor=staff, body=commission, name="Awa Diallo", capacity="resident", role="member"
        )
    services.member_add(
        actor=staff, body=commission, name="Awa Diallo", capacity="councillor", role="chair"
    )
    assert list(commission.members.values_list("name", "capacity")) == [
        ("Awa Diallo", "councillor")
    ]


def test_a_consultative_committee_may_seat_residents_and_associations(staff):
    committee = _body(staff, BodyKind.CONSULTATIVE_COMMITTEE, "Comité consultatif vélo")
    for name, capacity in (("Léa Martin", "resident"), ("Vélo-Cité", "association")):
        services.member_add(
            actor=staff, body=committee, name=name, capacity=capacity, role="member"
        )
    assert committee.members.count() == 2


def test_a_committee_with_residents_cannot_become_a_commission(staff):
    committee = _body(staff, BodyKind.CONSULTATIVE_COMMITTEE, "Comité consultatif vélo")
    services.member_add(
        actor=staff, body=committee, name="Léa Martin", capacity="resident", role="member"
    )
    with pytest.raises(ApplicationError, match="members who are not councillors"):
        services.body_save(
            actor=staff, kind=BodyKind.COMMISSION, name=committee.name, body=committee
        )
    committee.refresh_from_db()
    assert committee.kind == BodyKind.CONSULTATIVE_COMMITTEE


def test_the_city_has_one_municipal_council(staff):
    _body(staff, BodyKind.MUNICIPAL_COUNCIL, "Conseil municipal")
    with pytest.raises(ApplicationError, match="already has its municipal council"):
        _body(staff, BodyKind.MUNICIPAL_COUNCIL, "Second conseil")
    assert Body.objects.count() == 1


def test_the_same_person_is_seated_once(staff):
    commission = _body(staff)
    services.member_add(
        actor=staff, body=commission, name="Awa Diallo", capacity="councillor", role="member"
    )
    with pytest.raises(ApplicationError, match="already sits"):
        services.member_add(
            actor=staff, body=commission, name="Awa Diallo", capacity="councillor", role="chair"
        )
    assert BodyMember.objects.count() == 1


def _adopted_workshop():
    workshop = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    (recommendation,) = drafted(workshop)
    Recommendation.objects.filter(pk=recommendation.pk).update(status="adopted")
    return workshop


def test_a_dossier_goes_on_the_agenda_once_adopted_recommendations_exist(staff):
    session = _session(staff, _body(staff))
    empty = WorkshopFactory(phase=PhaseKind.PRESENTATION)
    with pytest.raises(ApplicationError, match="adopted no recommendation"):
        services.item_add(actor=staff, session=session, kind=ItemKind.DOSSIER, workshop=empty)
    workshop = _adopted_workshop()
    item = services.item_add(actor=staff, session=session, kind=ItemKind.DOSSIER, workshop=workshop)
    assert item.title == f"Dossier of the workshop “{workshop.title}”"
    with pytest.raises(ApplicationError, match="already on this session's agenda"):
        services.item_add(actor=staff, session=session, kind=ItemKind.DOSSIER, workshop=workshop)
    assert AgendaItem.objects.count() == 1


def test_the_agenda_keeps_its_order_through_moves_and_removals(staff):
    session = _session(staff, _body(staff))
    for title in ("Premier", "Deuxième", "Troisième"):
        services.item_add(actor=staff, session=session, kind=ItemKind.VOEU, title=title)
    third = session.items.get(title="Troisième")
    services.item_move(actor=staff, item=third, up=True)
    assert list(session.items.values_list("title", flat=True)) == [
        "Premier",
        "Troisième",
        "Deuxième",
    ]
    services.item_remove(actor=staff, item=session.items.get(title="Premier"))
    assert list(session.items.values_list("position", "title")) == [
        (1, "Troisième"),
        (2, "Deuxième"),
    ]


def test_only_the_municipal_council_deliberates(staff):
    commission_session = _session(staff, _body(staff), days=-2)
    item = AgendaItem.objects.create(
        session=commission_session, position=1, kind=ItemKind.VOEU, title="Un vœu"
    )
    with pytest.raises(ApplicationError, match="Only the municipal council deliberates"):
        services.item_outcome(
            actor=staff,
            item=item,
            outcome="Avis favorable.",
            deliberation_number="2026-114",
            deliberation_date=timezone.localdate(),
        )
    council = _body(staff, BodyKind.MUNICIPAL_COUNCIL, "Conseil municipal")
    council_item = AgendaItem.objects.create(
        session=_session(staff, council, days=-2), position=1, kind=ItemKind.VOEU, title="Vœu"
    )
    with pytest.raises(ApplicationError, match="both a number and a date"):
        services.item_outcome(
            actor=staff, item=council_item, outcome="Adopté.", deliberation_number="2026-114"
        )
    decided = services.item_outcome(
        actor=staff,
        item=council_item,
        outcome="Adopté à l'unanimité.",
        deliberation_number="2026-114",
        deliberation_date=timezone.localdate(),
    )
    assert decided.deliberation_number == "2026-114"
    assert decided.outcome_recorded_at is not None


def test_an_outcome_waits_for_the_session(staff):
    session = _session(staff, _body(staff), days=3)
    with pytest.raises(ApplicationError, match="has not taken place yet"):
        services.session_outcome(actor=staff, session=session, minutes="Compte rendu.")
    session.refresh_from_db()
    assert session.held_at is None


def test_a_held_or_cancelled_session_closes_its_agenda(staff):
    body = _body(staff)
    held = _session(staff, body, days=-1)
    services.session_outcome(actor=staff, session=held, minutes="Compte rendu.")
    cancelled = services.session_cancel(actor=staff, session=_session(staff, body))
    for session in (held, cancelled):
        with pytest.raises(ApplicationError, match="agenda is closed"):
            services.item_add(actor=staff, session=session, kind=ItemKind.VOEU, title="Vœu")
    with pytest.raises(ApplicationError, match="agenda is closed"):
        services.session_cancel(actor=staff, session=cancelled)
    assert not AgendaItem.objects.exists()
