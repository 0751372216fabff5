"""Keeping the index: one thing indexed again or removed, a workshop's things following its
visibility, and the whole index rebuilt."""

import contextlib
import threading
from collections.abc import Iterable, Sequence

from django.db import models, transaction

from ateliers.documents.models import Document, DocumentVersion
from ateliers.workshops.models import Workshop

from .backends import backend
from .file_text import pdf_text
from .models import Entry, FileText, Kind
from .sources import BY_MODEL, OF_A_COUNCIL, OF_A_WORKSHOP, SOURCES, Source

BATCH = 2000
ENTRY_FIELDS = ["title", "text", "context", "neighbourhood", "url", "date"]
_state = threading.local()


@contextlib.contextmanager
def paused():
    """Signals index nothing inside: for generators writing thousands of rows, which then
    rebuild the index once."""
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = False


def is_paused() -> bool:
    return getattr(_state, "paused", False)


def read_file(version: DocumentVersion) -> str:
    """The text of a version's PDF, read now and kept."""
    text = ""
    if version.file and version.content_type == "application/pdf":
        text = pdf_text(version.file)
    FileText.objects.update_or_create(version=version, defaults={"text": text})
    return text


def _with_file_texts(documents: Sequence[Document]) -> None:
    """Sets `file_text` on each document: its latest version's, read if never read."""
    latest: dict[int, DocumentVersion] = {}
    versions = DocumentVersion.objects.filter(document__in=documents).order_by("number")
    for version in versions.only("pk", "document_id", "file", "content_type", "number"):
        latest[version.document_id] = version
    known = FileText.objects.in_bulk([version.pk for version in latest.values()])
    for document in documents:
        version = latest.get(document.pk)
        if version is None:
            text = ""
        elif version.pk in known:
            text = known[version.pk].text
        else:
            text = read_file(version)
        document.file_text = text  # type: ignore[attr-defined]  # read by sources._document


def _save(source: Source, rows: Sequence[models.Model]) -> None:
    if not rows:
        return
    if source.kind == Kind.DOCUMENT:
        _with_file_texts(rows)  # type: ignore[arg-type]
    existing = dict(
        Entry.objects.filter(kind=source.kind, object_id__in=[row.pk for row in rows]).values_list(
            "object_id", "pk"
        )
    )
    entries = [
        Entry(id=existing.get(row.pk), kind=source.kind, object_id=row.pk, **source.fields(row))
        for row in rows
    ]
    new = [entry for entry in entries if entry.pk is None]
    Entry.objects.bulk_create(new)
    Entry.objects.bulk_update(
        [entry for entry in entries if entry.pk in existing.values()], ENTRY_FIELDS
    )
    backend().written(entries)


def _remove(entries: models.QuerySet[Entry]) -> None:
    ids = list(entries.values_list("pk", flat=True))
    if ids:
        Entry.objects.filter(pk__in=ids).delete()
        backend().removed(ids)


def index(model: type[models.Model], pk: int) -> None:
    """Index one thing again: found, written anew; no longer public, removed."""
    source = BY_MODEL[model]
    rows = list(source.rows(model._default_manager.filter(pk=pk)))
    if rows:
        _save(source, rows)
    else:
        remove(model, pk)


def remove(model: type[models.Model], pk: int) -> None:
    _remove(Entry.objects.filter(kind=BY_MODEL[model].kind, object_id=pk))


def follow_workshop(workshop_id: int) -> None:
    """The workshop and what belongs to it, as public as the workshop now is: entries of what
    became hidden go, what became visible comes. A few queries, however big the workshop."""
    index(Workshop, workshop_id)
    for source in OF_A_WORKSHOP:
        assert source.workshop is not None
        in_workshop = source.model._default_manager.filter(**{source.workshop: workshop_id})
        hidden = in_workshop.exclude(source.visible).values("pk")
        _remove(Entry.objects.filter(kind=source.kind, object_id__in=hidden))
        indexed = Entry.objects.filter(kind=source.kind).values("object_id")
        _save(source, list(source.rows(in_workshop.exclude(pk__in=indexed))))


def workshop_moved(workshop: Workshop) -> None:
    """Its things are found under the workshop's neighbourhood."""
    for source in OF_A_WORKSHOP:
        assert source.workshop is not None
        in_workshop = source.model._default_manager.filter(**{source.workshop: workshop.pk})
        Entry.objects.filter(kind=source.kind, object_id__in=in_workshop.values("pk")).update(
            neighbourhood_id=workshop.neighbourhood_id
        )


def council_changed(council_id: int) -> None:
    """Its documents, submissions and their answers show its name and are found under its
    neighbourhood: written again (a council has tens of them, not thousands)."""
    for source, path in OF_A_COUNCIL.items():
        _save(source, list(source.rows(source.model._default_manager.filter(**{path: council_id}))))


def _batches(rows: Iterable[models.Model]) -> Iterable[list[models.Model]]:
    batch: list[models.Model] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


@transaction.atomic
def rebuild() -> dict[str, int]:
    """The whole index again, from what is public now. Returns the entries of each kind."""
    Entry.objects.all().delete()
    backend().cleared()
    counts: dict[str, int] = {}
    for source in SOURCES:
        counts[source.kind] = 0
        for batch in _batches(source.rows().iterator(chunk_size=BATCH)):
            _save(source, batch)
            counts[source.kind] += len(batch)
    return counts
