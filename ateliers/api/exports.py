"""The API's lists as CSV files: the same rows as the JSON, read a batch at a time, UTF-8,
the field names as the first row. A field holding a list of names is written as "a | b"; one
holding objects (phases, sessions, versions…) as their JSON. A file is built at most once a
minute for everyone (core.page_cache.kept_download)."""

import csv
import datetime
import json
from collections.abc import Iterator

from django.http import Http404, StreamingHttpResponse
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import kept_download

from . import cursor
from .lists import LISTINGS, Listing
from .ratelimit import rate_limited

BATCH = 500


class _Echo:
    """A file for csv.writer that hands back each line, for a streamed response."""

    def write(self, value: str) -> str:
        return value


def columns(listing: Listing) -> list[str]:
    return [field.alias or name for name, field in listing.schema.model_fields.items()]


def _json_default(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    raise TypeError(type(value))


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, list) and all(isinstance(each, str) for each in value):
        return " | ".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return str(value)


def lines(request, listing: Listing) -> Iterator[str]:
    writer = csv.writer(_Echo())
    names = columns(listing)
    yield writer.writerow(names)
    position = None
    while True:
        page = cursor.page_of(listing.queryset(), field=listing.order, cursor=position, limit=BATCH)
        for row in listing.items(request, page.rows):
            yield writer.writerow([cell(row[name]) for name in names])
        if page.next_cursor is None:
            return
        position = page.next_cursor


@require_safe
@rate_limited
@kept_download
def csv_export(request, name: str):
    listing = LISTINGS.get(name)
    if listing is None:
        raise Http404
    response = StreamingHttpResponse(
        lines(request, listing), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
