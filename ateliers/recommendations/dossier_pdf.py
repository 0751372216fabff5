"""The PDF of a workshop's dossier, made in the background (dossier_tasks.make_dossier_pdf).

`dossier_request` asks for it: nothing happens when a ready PDF was made from the same
content (its `source`, the digest of what the dossier shows), or when one is already being
made from it; otherwise one conditional UPDATE puts the dossier back in the queue, and only
the request that wins it enqueues the task — two requests at once make one PDF.

`dossier_make` (the task's body) claims the queued dossier with another conditional UPDATE,
reads the content, renders it with WeasyPrint as a tagged PDF (PDF/UA-1) in French, stores
it, and moves its progress on as it goes; every write names the source it was claimed for,
so a PDF superseded by a newer request is thrown away instead of overwriting it. A failure
is recorded (FAILED, with the error) and a new request tries again.
"""

import datetime
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from ateliers.core import page_cache
from ateliers.core.errors import ApplicationError
from ateliers.workshops.models import Workshop
from ateliers.workshops.selectors import workshop_for_page

from .dossier import DossierData, digest, dossier_of
from .models import Dossier, DossierState

logger = logging.getLogger(__name__)

# A dossier queued or being made for longer than this is taken as lost (a worker stopped):
# a new request makes it again.
STALE = datetime.timedelta(minutes=15)
# The template both the PDF and, for its content, the page use.
PDF_TEMPLATE = "recommendations/dossier/pdf.html"
MAX_ERROR = 2000


class PdfUnavailable(ApplicationError):
    default_message = _("The PDF cannot be made on this server (WeasyPrint is missing).")


def _making(dossier_id: int, claimed_for: str, **fields) -> bool:
    """Move the dossier being made on, if it is still the one claimed for `claimed_for`. A new
    state (ready, failed) makes the kept pages stale; a step of progress alone does not (it
    would empty the whole site's kept pages twice per PDF for a number on one page)."""
    done = bool(
        Dossier.objects.filter(pk=dossier_id, source=claimed_for, state=DossierState.MAKING).update(
            **fields
        )
    )
    if done and "state" in fields:
        page_cache.content_changed()
    return done


def dossier_request(
    *, workshop: Workshop, now: datetime.datetime | None = None, in_background: bool = True
) -> Dossier:
    """Ask for the workshop's PDF (the permission is the view's business). Returns the
    dossier as it now stands; enqueues the task only when this request put it in the queue.
    `in_background=False` (the demo) makes it at once instead, in this process."""
    from . import dossier_tasks

    now = now or timezone.now()
    source = digest(dossier_of(workshop))
    try:
        with transaction.atomic():
            dossier = Dossier.objects.create(workshop=workshop, source=source)
    except IntegrityError:
        dossier = Dossier.objects.get(workshop=workshop)
        under_way = Q(state__in=[DossierState.QUEUED, DossierState.MAKING])
        claimed = (
            Dossier.objects.filter(pk=dossier.pk)
            # Up to date, or being made from this content and not lost: nothing to do.
            .exclude(state=DossierState.READY, source=source)
            .exclude(under_way & Q(source=source, requested_at__gt=now - STALE))
            .update(
                state=DossierState.QUEUED,
                progress=0,
                source=source,
                error="",
                requested_at=now,
            )
        )
        dossier.refresh_from_db()
        if not claimed:
            return dossier
    page_cache.content_changed()
    if not in_background:
        with translation.override("fr"):
            dossier_make(dossier_id=dossier.pk, source=source)
        dossier.refresh_from_db()
        return dossier
    transaction.on_commit(lambda: dossier_tasks.make_dossier_pdf.enqueue(dossier.pk, source))
    return dossier


def dossier_state(*, workshop: Workshop, data: DossierData | None = None):
    """(the dossier or None, whether its PDF shows what the workshop shows now). `data`:
    the dossier's content when the caller has read it already."""
    dossier = Dossier.objects.filter(workshop=workshop).first()
    if dossier is None:
        return None, False
    current = digest(data if data is not None else dossier_of(workshop))
    return dossier, dossier.source == current


def render_pdf(data: DossierData, *, made_at: datetime.datetime) -> tuple[bytes, int]:
    """The dossier as a tagged PDF in French, and its number of pages. Nothing is fetched:
    the template holds its styles, and its fonts are the system's."""
    try:
        from weasyprint import HTML
    except OSError as error:  # Pango missing: see the README's system packages
        raise PdfUnavailable from error

    def refuse(url, *args, **kwargs):
        raise ValueError(f"The dossier fetches nothing: {url}")

    with translation.override("fr"):
        html = render_to_string(PDF_TEMPLATE, {"dossier": data, "made_at": made_at})
    document = HTML(string=html, base_url="/", url_fetcher=refuse).render(pdf_variant="pdf/ua-1")
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)


def file_name(data: DossierData, source: str) -> str:
    return f"dossiers/{data.slug}-{source[:12]}.pdf"


def dossier_make(*, dossier_id: int, source: str) -> bool:
    """Make the PDF the dossier was queued for; False when it is not this worker's (made
    already, claimed by another, superseded by a newer request) or when it failed."""
    now = timezone.now()
    claimed = Dossier.objects.filter(
        pk=dossier_id, source=source, state=DossierState.QUEUED
    ).update(state=DossierState.MAKING, progress=0, requested_at=now)
    if not claimed:
        return False
    page_cache.content_changed()
    name = ""
    try:
        dossier = Dossier.objects.select_related("workshop").get(pk=dossier_id)
        workshop = workshop_for_page(slug=dossier.workshop.slug)
        if workshop is None:
            raise Workshop.DoesNotExist(dossier.workshop.slug)
        data = dossier_of(workshop)
        made_from = digest(data)
        _making(dossier_id, source, progress=10)
        pdf, pages = render_pdf(data, made_at=now)
        _making(dossier_id, source, progress=60)
        name = default_storage.save(file_name(data, made_from), ContentFile(pdf))
        # Dated and named by what it was made from: a change since the request makes it
        # out of date at once, and the page says so.
        stored = _making(
            dossier_id,
            source,
            state=DossierState.READY,
            progress=100,
            source=made_from,
            pdf=name,
            pages=pages,
            made_at=timezone.now(),
            error="",
        )
    except Exception as error:  # noqa: BLE001 - any failure is recorded, and can be retried
        logger.exception("The dossier %s could not be made.", dossier_id)
        if name:
            default_storage.delete(name)
        _making(dossier_id, source, state=DossierState.FAILED, error=str(error)[:MAX_ERROR])
        return False
    if not stored:  # superseded while it was being made
        default_storage.delete(name)
        return False
    if dossier.pdf.name and dossier.pdf.name != name:
        default_storage.delete(dossier.pdf.name)
    return True
