"""The dossier's PDF, made in the background (django-tasks): enqueued by
dossier_pdf.dossier_request once the request's transaction has committed, with the id of the
dossier and the source it was queued for. Running it twice makes one PDF: the first run
claims the queued dossier, the second finds nothing queued for that source."""

from django.utils import translation
from django_tasks import task


@task()
def make_dossier_pdf(dossier_id: int, source: str) -> bool:
    from .dossier_pdf import dossier_make

    # The dossier is for the town hall: French, whatever language its requester reads.
    with translation.override("fr"):
        return dossier_make(dossier_id=dossier_id, source=source)
