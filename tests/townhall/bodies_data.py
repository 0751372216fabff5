"""The town hall's bodies, sessions and agendas for the bodies pages' tests (and the browser
test), made through the services as the city team would make them."""

import datetime

from django.utils import timezone

from ateliers.core.models import Role
from ateliers.townhall import services
from ateliers.townhall.models import Body, Delegate, Delegation, Session
from ateliers.workshops.phases import PhaseKind
from tests.factories import CouncilFactory, ParticipationFactory, UserFactory, WorkshopFactory
from tests.recommendations.dossier_data import adopt

DAY = datetime.timedelta(days=1)


def city_staff(**extra):
    return UserFactory(role=Role.CITY_STAFF, display_name="Chloé Technicienne", **extra)


def body(
    kind: str = Body.Kind.COMMISSION, name: str = "Commission urbanisme", *, by=None, **extra
) -> Body:
    # Commissions meet behind closed doors unless told otherwise, as the law has it.
    extra.setdefault("public_sessions", kind != Body.Kind.COMMISSION)
    return services.body_save(actor=by or city_staff(), kind=kind, name=name, **extra)


def session(
    of: Body, *, days: float = 10, place: str = "Salle du conseil", public=None, by=None
) -> Session:
    """A session `days` from now (negative: in the past)."""
    return services.session_save(
        actor=by or city_staff(),
        body=of,
        starts_at=timezone.now() + days * DAY,
        place=place,
        public=of.public_sessions if public is None else public,
    )


def workshop_with_dossier(title: str = "La place du marché", **extra):
    """A workshop in its presentation phase with an adopted recommendation: its dossier may
    go on an agenda."""
    workshop = WorkshopFactory(phase=PhaseKind.PRESENTATION, title=title, **extra)
    author = ParticipationFactory(workshop=workshop).user
    adopt(workshop, title="Des bancs à l'ombre", author=author)
    return workshop


def delegates_for(workshop, *names: str) -> list:
    delegation = Delegation.objects.create(
        workshop=workshop, method=Delegation.Method.ELECTION, seats=len(names)
    )
    people = []
    for position, name in enumerate(names, start=1):
        person = ParticipationFactory(workshop=workshop, user__display_name=name).user
        Delegate.objects.create(delegation=delegation, user=person, position=position)
        people.append(person)
    return people


def submission(title: str = "Un avis sur les pistes cyclables", *, council=None, by=None):
    return services.submission_create(
        actor=by or city_staff(),
        council=council or CouncilFactory(),
        kind="opinion",
        title=title,
        text="Le conseil de quartier est favorable.",
    )


def held(a_session: Session) -> Session:
    """A session in the past (its date moved back), its minutes recorded."""
    Session.objects.filter(pk=a_session.pk).update(starts_at=timezone.now() - 2 * DAY)
    a_session.refresh_from_db()
    return services.session_outcome(actor=city_staff(), session=a_session, minutes="Séance tenue.")
