"""The search: `query(text, kinds=…, neighbourhood=…, page=…)`, the same on both databases
(backends.py chooses), a page of ready-made results in a fixed number of queries."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.utils.safestring import SafeString

from ateliers.core.models import Neighbourhood

from .backends import MAX_RESULTS, Filters, backend
from .highlight import highlight, snippet
from .models import Entry, Kind
from .words import terms

PER_PAGE = 20
# Longer queries are cut: nobody types more, and it keeps a pasted page cheap.
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: str
    # The title with the words found in <mark>, or "" for a thing without a title of its own.
    title: SafeString
    context: str
    url: str
    neighbourhood: Neighbourhood | None
    date: datetime.datetime | None
    snippet: SafeString


class Matches:
    """What Django's Paginator needs: a count, and a slice fetched when asked for."""

    def __init__(self, text: str, filters: Filters) -> None:
        self.text, self.filters = text, filters
        self.wanted = frozenset(terms(text)[0])

    def count(self) -> int:
        # Only stop words, punctuation or exclusions: nothing to look for, no query.
        return backend().count(self.text, self.filters) if self.wanted else 0

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Hit]:
        if not self.wanted:
            return []
        entries = backend().page(self.text, self.filters, window.start or 0, window.stop)
        neighbourhoods = Neighbourhood.objects.in_bulk(
            {entry.neighbourhood_id for entry in entries if entry.neighbourhood_id}
        )
        return [self._hit(entry, neighbourhoods) for entry in entries]

    def _hit(self, entry: Entry, neighbourhoods: dict[int, Neighbourhood]) -> Hit:
        return Hit(
            kind=entry.kind,
            kind_label=str(Kind(entry.kind).label),
            title=highlight(entry.title, self.wanted),
            context=entry.context,
            url=entry.url,
            neighbourhood=neighbourhoods.get(entry.neighbourhood_id or 0),
            date=entry.date,
            snippet=snippet(entry.text, self.wanted),
        )


def clean(text: str) -> str:
    """The query as the databases may read it: no NUL (PostgreSQL refuses it), not too long."""
    return " ".join(text.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def query(
    text: str,
    *,
    kinds: Sequence[str] = (),
    neighbourhood: Neighbourhood | None = None,
    page: int | str | None = 1,
) -> Page:
    """The page `page` of what matches `text`, best first (PER_PAGE a page; counted up to
    MAX_RESULTS). Three queries at most: the count, the page, its neighbourhoods."""
    filters = Filters(
        kinds=[kind for kind in kinds if kind in Kind.values],
        neighbourhood_id=neighbourhood.pk if neighbourhood else None,
    )
    matches = Matches(clean(text), filters)
    return Paginator(matches, PER_PAGE).get_page(page)  # type: ignore[arg-type]


def is_capped(page: Page) -> bool:
    """Whether there may be more results than were counted."""
    return page.paginator.count >= MAX_RESULTS
