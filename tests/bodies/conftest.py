import datetime

import pytest
from django.utils import timezone

from ateliers.bodies.models import Mandate
from tests.factories import BodyFactory, MandateFactory, UserFactory

DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _english_pages(english):
    # The assertions read the English source strings (French: tests/test_i18n.py).
    pass


@pytest.fixture
def body(db):
    return BodyFactory(name="Conseil de quartier des Tilleuls", slug="tilleuls")


@pytest.fixture
def president(body):
    return MandateFactory(
        body=body, role=Mandate.Role.PRESIDENT, user=UserFactory(display_name="Paula Présidente")
    ).user


@pytest.fixture
def member(body):
    return MandateFactory(
        body=body, role=Mandate.Role.MEMBER, user=UserFactory(display_name="Marc Membre")
    ).user


@pytest.fixture
def former_president(body):
    today = timezone.localdate()
    return MandateFactory(
        body=body,
        role=Mandate.Role.PRESIDENT,
        user=UserFactory(display_name="Fanny Ancienne"),
        starts_on=today - 800 * DAY,
        ends_on=today - 400 * DAY,
    ).user
