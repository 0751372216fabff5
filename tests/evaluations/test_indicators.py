"""What the platform measures of a workshop for its evaluation: each value counted by hand on
a small workshop, the share that has no meaning for a city-wide workshop, the table's rows
(live for a draft, kept for a published evaluation), and a fixed number of queries whatever
the workshop's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ateliers.evaluations.indicators import MEASURE_QUERIES, measured_values, number
from ateliers.evaluations.models import Measure
from ateliers.evaluations.selectors_workshop import indicator_rows
from ateliers.workshops.models import Workshop
from tests.factories import ParticipationFactory, UserFactory

from .evaluation_data import EXPECTED, ended_workshop, grow, indicator, small_workshop, written

pytestmark = pytest.mark.django_db


def test_every_measure_is_counted_as_by_hand():
    workshop = small_workshop()

    values = measured_values(workshop)

    assert values == {str(key): value for key, value in EXPECTED.items()}
    assert set(values) == set(Measure.values)


def test_a_city_wide_workshop_has_no_neighbourhood_share():
    workshop = ended_workshop(kind=Workshop.Kind.CITY, neighbourhood=None)
    ParticipationFactory(workshop=workshop, user=UserFactory())

    values = measured_values(workshop)

    assert values["neighbourhood_share"] == "—"
    assert values["participants"] == "1"


def test_a_workshop_without_participants_measures_zeros_and_no_share():
    values = measured_values(ended_workshop())

    assert values["neighbourhood_share"] == "—"
    assert {key for key, value in values.items() if value != "0"} == {"neighbourhood_share"}


def test_large_numbers_are_written_in_the_french_style():
    assert number(12_345) == "12\u00a0345"


def test_the_queries_do_not_grow_with_the_workshop():
    small, large = ended_workshop(), ended_workshop()
    grow(small, 3)
    grow(large, 60)

    def queries(workshop) -> int:
        with CaptureQueriesContext(connection) as captured:
            measured_values(workshop)
        return len(captured)

    assert queries(small) == queries(large) == MEASURE_QUERIES
    assert measured_values(large)["participants"] == "60"
    assert measured_values(large)["contributions"] == "60"


def test_a_drafts_rows_show_todays_values_and_a_published_ones_the_kept_values():
    workshop = small_workshop()
    evaluation = written(workshop, indicators=1, measures=("participants",))
    typed, measured = evaluation.indicators.all()
    measured.value = "2"  # as if kept at a publication
    measured.save()

    live = indicator_rows([typed, measured], measured_values(workshop))
    kept = indicator_rows([typed, measured], None)

    assert [(row.name, row.value, row.measured, row.live) for row in live] == [
        ("Bancs posés 1", "0", False, False),
        ("Participants", "6", True, True),
    ]
    assert [(row.value, row.live) for row in kept] == [("0", False), ("2", False)]


def test_a_measured_indicator_without_a_measure_value_today_shows_empty():
    workshop = ended_workshop()
    evaluation = written(workshop)
    row = indicator(evaluation, measure="participants", value="")

    [shown] = indicator_rows([row], {})

    assert shown.value == ""
