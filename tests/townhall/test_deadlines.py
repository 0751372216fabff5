"""Answer deadlines are the hearing's date plus the workshop's months, computed from the dates:
the last day is on time, the day after is late."""

import datetime

from ateliers.townhall.deadlines import add_months, answer_due, is_overdue

D = datetime.date


def test_months_are_added_on_the_calendar():
    assert add_months(D(2026, 3, 15), 3) == D(2026, 6, 15)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert add_months(D(2026, 12, 1), 12) == D(2027, 12, 1)


def test_the_deadline_waits_for_a_hearing_and_defaults_to_three_months():
    assert answer_due(None, 6) is None
    assert answer_due(D(2026, 3, 15), None) == D(2026, 6, 15)
    assert answer_due(D(2026, 3, 15), 6) == D(2026, 9, 15)


def test_an_answer_is_late_the_day_after_its_deadline_only_if_missing():
    due = D(2026, 6, 15)
    assert not is_overdue(due, None, today=D(2026, 6, 15))
    assert is_overdue(due, None, today=D(2026, 6, 16))
    assert not is_overdue(due, D(2026, 6, 20), today=D(2026, 6, 30))
    assert not is_overdue(None, None, today=D(2030, 1, 1))
