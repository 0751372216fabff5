import datetime
from contextlib import contextmanager
from io import StringIO

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone, translation

from ateliers.core.models import Role
from ateliers.councils.models import Mandate

from .factories import CouncilFactory, MandateFactory, UserFactory

DAY = datetime.timedelta(days=1)
# When the generated city of the tests is made: its dates are relative to this moment.
CITY_NOW = datetime.datetime(2026, 11, 27, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits live in the cache: each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _test_settings(tmp_path_factory):
    """What every test runs with, set once for the session (a module's shared rows are built
    with it too): a test changes one of these with pytest-django's `settings` fixture."""
    with override_settings(
        # A test's changes are never committed, so cached pages would not see them: pages are
        # rendered for every request; tests/core/test_page_cache.py checks the cache itself.
        ATELIERS_PAGE_CACHE=False,
        # Uploaded documents go to a folder of the test run, never to var/.
        STORAGES={
            **django_settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": tmp_path_factory.getbasetemp() / "uploads"},
            },
        },
        # Background tasks run as soon as they are enqueued (after the transaction commits).
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        # Tests create many accounts; the real hasher is slow on purpose.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        yield


@contextmanager
def rows_for_the_module(django_db_blocker):
    """Rows built once for the tests of a module, which read them: they live in a transaction
    that each test's own nests in, and are rolled back after the module's last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_city(django_db_setup, django_db_blocker):
    """The demo city, loaded once for the module (`manage.py load_demo`)."""
    with rows_for_the_module(django_db_blocker):
        call_command("load_demo", stdout=StringIO())
        yield


def generate_city(seed: int) -> str:
    """A city generated at the smallest scale at CITY_NOW; what the command printed."""
    out = StringIO()
    with time_machine.travel(CITY_NOW, tick=False):
        call_command("generate_city", scale="small", seed=seed, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def small_city(django_db_setup, django_db_blocker) -> str:
    """The city of `generate_city --scale small --seed 1`, made once for the module; what the
    command printed."""
    with rows_for_the_module(django_db_blocker):
        yield generate_city(seed=1)


@pytest.fixture
def english(settings):
    """Pages and messages in English, the source language, for tests that read UI strings.

    French is the default (tests/test_i18n.py); CI checks that every string has its French.
    """
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def resident(db):
    return UserFactory(role=Role.RESIDENT, display_name="Alice Habitante")


@pytest.fixture
def facilitator(db):
    return UserFactory(role=Role.FACILITATOR, display_name="Bruno Animateur")


@pytest.fixture
def city_staff(db):
    return UserFactory(role=Role.CITY_STAFF, display_name="Chloé Technicienne")


@pytest.fixture
def elected(db):
    return UserFactory(role=Role.ELECTED, display_name="Denis Élu")


@pytest.fixture
def administrator(db):
    return UserFactory(role=Role.ADMINISTRATOR, display_name="Eva Administratrice")


@pytest.fixture
def superuser(db):
    """An administrator who may also use Django's admin (/admin/)."""
    return UserFactory(
        role=Role.ADMINISTRATOR, display_name="Sam Superviseur", is_staff=True, is_superuser=True
    )


# A council and its people, for the councils' and the proposals' tests.


@pytest.fixture
def council(db):
    return CouncilFactory(name="Conseil de quartier des Tilleuls", slug="tilleuls")


@pytest.fixture
def president(council):
    return MandateFactory(
        council=council,
        role=Mandate.Role.PRESIDENT,
        user=UserFactory(display_name="Paula Présidente"),
    ).user


@pytest.fixture
def member(council):
    return MandateFactory(
        council=council, role=Mandate.Role.MEMBER, user=UserFactory(display_name="Marc Membre")
    ).user


@pytest.fixture
def former_president(council):
    today = timezone.localdate()
    return MandateFactory(
        council=council,
        role=Mandate.Role.PRESIDENT,
        user=UserFactory(display_name="Fanny Ancienne"),
        starts_on=today - 800 * DAY,
        ends_on=today - 400 * DAY,
    ).user
