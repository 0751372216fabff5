"""The two ways the index is searched, chosen by the database: PostgreSQL's full-text search
(the `vector` column, its GIN index, the `ateliers_french` configuration) or SQLite's FTS5
table of French stems. Both answer the same questions: how many entries match, and which ones
on a given page, best first."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, QuerySet

from .models import Entry
from .words import singular, stems, terms

# PostgreSQL's text search configuration made by migration 0001: French, without accents.
CONFIG = "ateliers_french"
# bm25's weights of the FTS5 columns (title, text): a title's word counts ten times more.
TITLE_WEIGHT, TEXT_WEIGHT = 10.0, 1.0
# Nobody reads past this many results: counting stops there (a common word matches a lot).
MAX_RESULTS = 1000
# Longer queries are cut (a pasted page); their words are ANDed.
MAX_TERMS = 32
SHOWN_COLUMNS = (
    "id",
    "kind",
    "object_id",
    "title",
    "text",
    "context",
    "neighbourhood_id",
    "url",
    "date",
)


@dataclass(frozen=True)
class Filters:
    kinds: Sequence[str] = ()
    neighbourhood_id: int | None = None


class PostgresBackend:
    def written(self, entries: Sequence[Entry]) -> None:
        """Nothing to do: a trigger fills the vector."""

    def removed(self, ids: Sequence[int]) -> None:
        """Nothing to do: the vector goes with its row."""

    def cleared(self) -> None:
        """Nothing to do."""

    def _matching(self, text: str, filters: Filters) -> tuple[QuerySet[Entry], SearchQuery]:
        query = SearchQuery(singular(text), config=CONFIG, search_type="websearch")
        entries = Entry.objects.filter(vector=query)
        if filters.kinds:
            entries = entries.filter(kind__in=filters.kinds)
        if filters.neighbourhood_id is not None:
            entries = entries.filter(neighbourhood_id=filters.neighbourhood_id)
        return entries, query

    def count(self, text: str, filters: Filters) -> int:
        entries, _query = self._matching(text, filters)
        return entries.order_by()[:MAX_RESULTS].count()

    def page(self, text: str, filters: Filters, start: int, stop: int) -> list[Entry]:
        entries, query = self._matching(text, filters)
        ranked = (
            entries.only(*SHOWN_COLUMNS)
            .annotate(rank=SearchRank(F("vector"), query))
            .order_by("-rank", "-date", "pk")
        )
        return list(ranked[start:stop])


class SqliteBackend:
    def written(self, entries: Sequence[Entry]) -> None:
        rows = [(e.pk, " ".join(stems(e.title)), " ".join(stems(e.text))) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(r[0],) for r in rows])
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, text) VALUES (%s, %s, %s)", rows
            )

    def removed(self, ids: Sequence[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(i,) for i in ids])

    def cleared(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    @staticmethod
    def _where(text: str, filters: Filters) -> tuple[str, list]:
        """The FROM and WHERE clauses, made of constants and placeholders only."""
        # Each stem quoted (stems are letters and digits only): whatever was typed, FTS5
        # sees words to find or to exclude, never its syntax.
        wanted, unwanted = terms(text)
        match = " ".join(f'"{stem}"' for stem in wanted[:MAX_TERMS])
        match += "".join(f' NOT "{stem}"' for stem in unwanted[:MAX_TERMS])
        sql = "FROM search_fts JOIN search_entry e ON e.id = search_fts.rowid"
        sql += " WHERE search_fts MATCH %s"
        params: list = [match]
        if filters.kinds:
            sql += " AND e.kind IN (" + ", ".join(["%s"] * len(filters.kinds)) + ")"
            params.extend(filters.kinds)
        if filters.neighbourhood_id is not None:
            sql += " AND e.neighbourhood_id = %s"
            params.append(filters.neighbourhood_id)
        return sql, params

    def count(self, text: str, filters: Filters) -> int:
        where, params = self._where(text, filters)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM (SELECT 1 " + where + " LIMIT %s)",  # noqa: S608
                [*params, MAX_RESULTS],
            )
            return cursor.fetchone()[0]

    def page(self, text: str, filters: Filters, start: int, stop: int) -> list[Entry]:
        where, params = self._where(text, filters)
        # bm25 is lower for better matches; a title's word weighs TITLE_WEIGHT times more.
        sql = (
            "SELECT " + ", ".join(f"e.{column}" for column in SHOWN_COLUMNS) + " " + where
            + " ORDER BY bm25(search_fts, %s, %s), e.date DESC, e.id LIMIT %s OFFSET %s"
        )  # fmt: skip
        return list(
            Entry.objects.raw(sql, [*params, TITLE_WEIGHT, TEXT_WEIGHT, stop - start, start])
        )


def backend() -> PostgresBackend | SqliteBackend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
