"""`manage.py generate_city`'s seed decides the whole city: the same seed gives the same rows
in every app, another seed other rows in each; and the command refuses a database that is not
empty."""

import pytest
from django.core.management import CommandError, call_command

from ateliers.core.models import User
from ateliers.councils.models import Mandate
from ateliers.workshops.models import Participation, Workshop
from tests.conftest import generate_city
from tests.evaluations.test_generate import fingerprint as evaluations_fingerprint
from tests.townhall.test_generate import fingerprint as town_hall_fingerprint


def city_fingerprint() -> list:
    return [
        sorted(User.objects.values_list("email", "display_name", "role", "neighbourhood__slug")),
        sorted(
            Workshop.objects.values_list(
                "slug", "kind", "status", "starts_at", "ends_at", "capacity", "participant_count"
            )
        ),
        sorted(Participation.objects.values_list("workshop__slug", "user__email", "capacity")),
        sorted(Mandate.objects.values_list("council__slug", "user__email", "role", "starts_on")),
    ]


def fingerprints() -> dict[str, list]:
    return {
        "city": city_fingerprint(),
        "town hall": town_hall_fingerprint(),
        "evaluations": evaluations_fingerprint(),
    }


# Three cities in one test, each on an empty database: the flush between them is refused by
# PostgreSQL inside a test's transaction, hence a transactional test.
@pytest.mark.django_db(transaction=True)
def test_the_same_seed_gives_the_same_city_and_another_seed_another_in_every_app():
    made = []
    for seed in (7, 7, 8):
        call_command("flush", interactive=False, verbosity=0)
        generate_city(seed=seed)
        made.append(fingerprints())
    first, again, other = made
    assert again == first
    for part, rows in other.items():
        assert rows != first[part], part


def test_it_refuses_a_database_that_is_not_empty(resident):
    with pytest.raises(CommandError, match="not empty"):
        generate_city(seed=1)
    assert User.objects.count() == 1
