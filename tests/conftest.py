import pytest
from django.core.cache import cache

from ateliers.core.models import Role

from .factories import UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits live in the cache: each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


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
