"""The city's figures, recomputed from a small known data set: seven adopted recommendations
with known hearings, deadlines, answers and milestones give exact shares."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from ateliers.townhall import figures, selectors_followup
from ateliers.townhall.figures import Figure
from ateliers.townhall.models import Answer

from .followup_factories import adopted, answered, answering_workshop, at_noon, heard, milestone

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)
ACCEPTED = Answer.Status.ACCEPTED
PARTIALLY = Answer.Status.PARTIALLY_ACCEPTED


@pytest.fixture
def seven():
    """Heard on 31 January with one month (due 28 February): R1 answered on its last day,
    R2 the day after, R3 never. Heard on 20 May with three months (due 20 August): R4 answered
    early, R5 not yet. Never heard: R6 answered, R7 not."""
    with time_machine.travel(at_noon(TODAY), tick=False):
        early = answering_workshop()
        heard(early, at_noon(datetime.date(2026, 1, 31)), months=1)
        later = answering_workshop()
        heard(later, at_noon(datetime.date(2026, 5, 20)))
        unheard = answering_workshop()
        r1, r2, r3 = (adopted(early) for _ in range(3))
        r4, r5 = adopted(later), adopted(later)
        r6, r7 = adopted(unheard), adopted(unheard)
        one = answered(r1, status=ACCEPTED, at=at_noon(datetime.date(2026, 2, 28)))
        milestone(one, done=True)
        milestone(one, done=True)
        answered(r2, status=Answer.Status.REJECTED, at=at_noon(datetime.date(2026, 3, 1)))
        four = answered(r4, status=PARTIALLY, at=at_noon(datetime.date(2026, 6, 1)))
        milestone(four, done=True)
        milestone(four, progress=40)
        answered(r6, status=ACCEPTED, at=at_noon(datetime.date(2026, 4, 1)))
        yield [r1, r2, r3, r4, r5, r6, r7]


def test_the_figures_of_a_known_data_set(seven):
    counted = figures.city_figures(selectors_followup.followed(), today=TODAY)

    # Heard and due or answered: R1, R2, R3, R4; answered by the deadline: R1 (its last day), R4.
    assert counted.answered_on_time == Figure(2, 4)
    assert counted.answered_on_time.percent == 50
    # Answered: R1, R2, R4, R6; accepted R1, R6; partially accepted R4.
    assert counted.accepted == Figure(2, 4)
    assert counted.partially_accepted == Figure(1, 4)
    # Accepted or partially: R1, R4, R6; all milestones done: R1 (R6 has none, R4 one open).
    assert counted.implemented == Figure(1, 3)
    assert counted.implemented.percent == 33


def test_the_figures_follow_the_filters(seven, client):
    workshop = seven[0].workshop

    with time_machine.travel(at_noon(TODAY), tick=False):
        page = client.get(reverse("townhall:followup"), {"workshop": workshop.slug})
    text = page.content.decode()

    assert "1 of the 3 recommendations heard whose deadline has passed or that were answered" in (
        text
    )
    assert "1 of the 2 answered recommendations were accepted" in text


def test_nothing_to_count_gives_no_share(db):
    counted = figures.city_figures(selectors_followup.followed(), today=TODAY)

    assert counted.answered_on_time == Figure(0, 0)
    assert counted.answered_on_time.percent is None
