"""After a session: who came, marked by the city team or the trainer; their certificate."""

import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from pypdf import PdfReader

from ateliers.core.models import Role
from ateliers.trainings import services
from ateliers.trainings.models import SessionRegistration
from tests.factories import TrainingSessionFactory, UserFactory
from tests.roles import CITY_TEAM, ROLES, person_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    """A session that took place yesterday, with two registered people and one waiting."""
    session = TrainingSessionFactory(
        capacity=2, training__title="Comprendre le budget communal", training__trainer="Finances"
    )
    with time_machine.travel(session.starts_at - datetime.timedelta(days=3)):
        for name in ("Alice Habitante", "Bruno Voisin", "Chloé Attente"):
            services.session_register(session=session, user=UserFactory(display_name=name))
    return session


def after(session):
    return time_machine.travel(session.ends_at + datetime.timedelta(days=1))


def ids(session, *names):
    return [
        r.user_id
        for r in SessionRegistration.objects.filter(session=session, user__display_name__in=names)
    ]


def test_staff_mark_who_came_and_only_they_get_a_certificate(client, session, city_staff):
    client.force_login(city_staff)
    url = reverse("trainings:attendance", args=[session.pk])

    with after(session):
        page = client.get(url).content.decode()
        client.post(url, {"attended": ids(session, "Alice Habitante")})

    # Only the registered are offered, never the waitlist.
    assert "Alice Habitante" in page and "Bruno Voisin" in page and "Chloé Attente" not in page
    attended = dict(
        SessionRegistration.objects.filter(session=session).values_list(
            "user__display_name", "attended"
        )
    )
    assert attended == {"Alice Habitante": True, "Bruno Voisin": False, "Chloé Attente": None}


def test_the_certificate_holds_the_name_the_training_and_the_date(client, session, settings):
    alice = SessionRegistration.objects.get(session=session, user__display_name="Alice Habitante")
    with after(session):
        services.attendance_record(session=session, by=alice.user, attended=[alice.user_id])
    client.force_login(alice.user)
    settings.LANGUAGE_CODE = "fr"

    response = client.get(reverse("trainings:certificate", args=[alice.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="attestation-')
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Alice Habitante" in text and "Comprendre le budget communal" in text
    assert session.starts_at.strftime("%Y") in text and "Finances" in text


def test_no_certificate_without_attendance_nor_for_someone_else(client, session):
    bruno = SessionRegistration.objects.get(session=session, user__display_name="Bruno Voisin")
    alice = SessionRegistration.objects.get(session=session, user__display_name="Alice Habitante")
    with after(session):
        services.attendance_record(session=session, by=alice.user, attended=[alice.user_id])
    client.force_login(bruno.user)

    assert client.get(reverse("trainings:certificate", args=[bruno.pk])).status_code == 404
    assert client.get(reverse("trainings:certificate", args=[alice.pk])).status_code == 404


def test_my_trainings_offers_the_certificate(client, session):
    alice = SessionRegistration.objects.get(session=session, user__display_name="Alice Habitante")
    with after(session):
        services.attendance_record(session=session, by=alice.user, attended=[alice.user_id])
        client.force_login(alice.user)
        page = client.get(reverse("trainings:mine")).content.decode()

    assert reverse("trainings:certificate", args=[alice.pk]) in page


@pytest.mark.parametrize("role", [*ROLES, "trainer"])
@pytest.mark.parametrize("moment", ["before", "after"])
def test_who_may_mark_attendance_and_when(client, session, role, moment):
    if role == "trainer":
        person = UserFactory(role=Role.RESIDENT)
        session.training.trainer_account = person
        session.training.save()
    else:
        person = person_for(role)
    if person.is_authenticated:
        client.force_login(person)
    url = reverse("trainings:attendance", args=[session.pk])
    when = session.starts_at - datetime.timedelta(hours=1) if moment == "before" else None

    with time_machine.travel(when) if when else after(session):
        response = client.post(url, {"attended": ids(session, "Alice Habitante")})

    if role in CITY_TEAM | {"trainer"} and moment == "after":
        assert response.status_code == 302
        assert SessionRegistration.objects.filter(attended=True).count() == 1
    else:
        assert response.status_code in (302, 403)
        if role != "anonymous":
            assert response.status_code == 403
        assert not SessionRegistration.objects.filter(attended__isnull=False).exists()
