import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from ateliers.core.models import Role
from ateliers.councils.models import Mandate

from .factories import CouncilFactory, MandateFactory, UserFactory

DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits live in the cache: each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _pages_rendered_each_time(settings):
    # A test's changes are never committed, so the cached pages would not see them: pages are
    # rendered for every request, and tests/core/test_page_cache.py checks the cache itself.
    settings.ATELIERS_PAGE_CACHE = False


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path_factory):
    # Uploaded documents go to a folder of the test run, never to var/.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path_factory.getbasetemp() / "uploads"},
        },
    }


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    # Background tasks run as soon as they are enqueued (after the transaction commits).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Tests create many accounts; the real hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
