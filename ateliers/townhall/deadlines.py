"""Dates of the road to the town hall, computed from what is recorded: a deadline is the
hearing's date plus the workshop's months, lateness is a comparison with today. Nothing is
stored or scheduled, so a page is right whatever day it is read."""

import calendar
import datetime

from .models import DEFAULT_ANSWER_MONTHS


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved `months` later, on the month's last day when it has fewer days
    (31 January + 1 month = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def answer_due(hearing_day: datetime.date | None, months: int | None) -> datetime.date | None:
    """The last day for the city's answer: None until a hearing is on an agenda."""
    if hearing_day is None:
        return None
    return add_months(hearing_day, months or DEFAULT_ANSWER_MONTHS)


def is_overdue(due: datetime.date | None, answered_on: datetime.date | None, today) -> bool:
    """No answer and the deadline is past (an answer on the last day is on time)."""
    return due is not None and answered_on is None and today > due
