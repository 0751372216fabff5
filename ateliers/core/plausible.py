"""Bounds on values people type, so that nothing implausible reaches the database: dates of
mandates from the year 1 to 9999 were accepted once."""

import datetime

from django.utils.translation import gettext_lazy as _

# Dates on a local democracy platform, far from the limits of Python's and the databases'
# date types.
FIRST_DATE = datetime.date(1950, 1, 1)
LAST_DATE = datetime.date(2099, 12, 31)
DATE_MESSAGE = _("Please give a date between %(first)s and %(last)s.")


def is_plausible_date(day: datetime.date) -> bool:
    return FIRST_DATE <= day <= LAST_DATE


def date_message() -> str:
    return str(DATE_MESSAGE) % {"first": FIRST_DATE.year, "last": LAST_DATE.year}
