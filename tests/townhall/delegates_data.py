"""What the delegates' tests build: volunteers, a hearing on a session's agenda, and the
address of a session's page while the town hall's bodies pages are not in this branch."""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse

from ateliers.townhall import delegates
from ateliers.townhall.models import AgendaItem, Body, ItemKind, Session
from tests.factories import ParticipationFactory


def volunteers(workshop, number: int, **user) -> list:
    """`number` new participants of the workshop who volunteer, through the service."""
    people = []
    for _index in range(number):
        person = ParticipationFactory(workshop=workshop, **user).user
        delegates.volunteer(workshop=workshop, user=person)
        people.append(person)
    return people


def hearing(workshop, starts_at: datetime.datetime, *, body_name="Commission urbanisme"):
    """The workshop's dossier on the agenda of a session of a commission at `starts_at`."""
    body = Body.objects.create(
        kind=Body.Kind.COMMISSION, name=body_name, slug=body_name.lower().replace(" ", "-")
    )
    session = Session.objects.create(body=body, starts_at=starts_at, place="Salle du conseil")
    return AgendaItem.objects.create(
        session=session,
        position=1,
        kind=ItemKind.DOSSIER,
        title=f"Dossier {workshop.title}",
        workshop=workshop,
    )


@pytest.fixture
def session_pages(monkeypatch):
    """A session's address: the real one once the bodies' pages are merged, a stand-in
    before (the delegates page links to the session of its hearing)."""
    try:
        reverse("townhall:session", kwargs={"slug": "x", "pk": 1})
    except NoReverseMatch:
        monkeypatch.setattr(Session, "get_absolute_url", lambda self: f"/mairie/seances/{self.pk}/")
