"""Cursor pagination over a queryset ordered by one non-null field then the primary key.

The cursor is opaque to clients: the URL-safe base64 of the last row's ordering value and
primary key. A page reads `limit + 1` rows to know whether another follows, so every page
costs one query, however far into the list it is (an offset would make the database walk
the rows before it)."""

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
# The largest primary key a 64-bit integer column holds.
LARGEST_PK = 2**63 - 1


class BadCursor(ValueError):
    """The cursor was not made by this API for this list."""


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    # The cursor of the next page, None on the last one.
    next_cursor: str | None


def encode(value: Any, pk: int) -> str:
    text = json.dumps([str(value), pk], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(cursor: str, model: type[Model], field: str) -> tuple[Any, int]:
    """The ordering value (as the field's Python type) and primary key in `cursor`."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, pk = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(value, str) or not isinstance(pk, int) or isinstance(pk, bool):
            raise BadCursor
        if not 0 <= pk <= LARGEST_PK:  # a database would refuse to compare with it
            raise BadCursor
        return model._meta.get_field(field).to_python(value), pk
    except (binascii.Error, ValueError, TypeError, ValidationError) as error:
        raise BadCursor from error


def after(queryset: QuerySet, field: str, cursor: str | None) -> QuerySet:
    """`queryset` in the list's order, from the row after the cursor's."""
    queryset = queryset.order_by(field, "pk")
    if cursor is None:
        return queryset
    value, pk = decode(cursor, queryset.model, field)
    return queryset.filter(Q(**{f"{field}__gt": value}) | Q(**{field: value, "pk__gt": pk}))


def page_of(queryset: QuerySet, *, field: str, cursor: str | None, limit: int) -> Page:
    """One page of `queryset` (its prefetches included) and the cursor of the next."""
    rows = list(after(queryset, field, cursor)[: limit + 1])
    if len(rows) <= limit:
        return Page(rows, None)
    last = rows[limit - 1]
    return Page(rows[:limit], encode(getattr(last, field), last.pk))
