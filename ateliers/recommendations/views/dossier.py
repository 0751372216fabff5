"""The workshop's dossier for the town hall: its page (as public as the workshop), its PDF
to download once made, and the button that asks for it (the workshop's team and the city
team, from the recommendations phase on). The PDF block of the page polls while the PDF is
being made (htmx); without JavaScript, a link reloads the page."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ateliers.core.page_cache import public_page
from ateliers.core.permissions import allowed, can
from ateliers.core.ratelimit import limit_posts
from ateliers.workshops.views.loaders import visible_workshop, workshop_by_slug

from ..dossier import dossier_of
from ..dossier_pdf import dossier_request, dossier_state
from ..models import Dossier, DossierState

BLOCK = "recommendations/dossier/_pdf.html"
UNDER_WAY = (DossierState.QUEUED, DossierState.MAKING)


def _page_url(workshop) -> str:
    return reverse("recommendations:dossier", args=[workshop.slug])


def _block(workshop, dossier: Dossier | None, current: bool, may_make: bool) -> dict:
    """What the PDF block shows (the size of a ready PDF is read from the storage)."""
    size = None
    if dossier is not None and dossier.state == DossierState.READY and dossier.pdf:
        try:
            size = dossier.pdf.size
        except (FileNotFoundError, OSError):
            size = None
    return {
        "workshop": workshop,
        "dossier": dossier,
        "current": current,
        "may_make": may_make,
        "pdf_size": size,
    }


@public_page
@require_safe
def dossier_page(request, slug: str):
    workshop = visible_workshop(request, slug)
    may_make = can(request.user, "recommendations.make_dossier", workshop)
    if request.htmx and not request.htmx.history_restore_request:
        # The PDF block asking where the PDF stands: the dossier's content is read only to
        # tell whether a ready PDF is still up to date.
        dossier = Dossier.objects.filter(workshop=workshop).first()
        current = dossier is not None and (
            dossier.state in UNDER_WAY or dossier_state(workshop=workshop)[1]
        )
        return render(request, BLOCK, _block(workshop, dossier, current, may_make))
    data = dossier_of(workshop)
    dossier, current = dossier_state(workshop=workshop, data=data)
    return render(
        request,
        "recommendations/dossier/page.html",
        {**_block(workshop, dossier, current, may_make), "dossier_data": data, "nav": "workshops"},
    )


@require_POST
@allowed("recommendations.make_dossier", load=workshop_by_slug)
@limit_posts("dossier-make", limit=10)
def dossier_make(request, workshop):
    before = Dossier.objects.filter(workshop=workshop).values_list("state", "source").first()
    dossier = dossier_request(workshop=workshop)
    if before is not None and before == (DossierState.READY, dossier.source):
        messages.info(request, _("The PDF is up to date: there was nothing to make again."))
    else:
        messages.success(
            request, _("The PDF is being made. This page shows when it is ready to download.")
        )
    return redirect(_page_url(workshop))


@require_safe
def dossier_download(request, slug: str):
    """The ready PDF, for whoever may see the workshop."""
    workshop = visible_workshop(request, slug)
    dossier = Dossier.objects.filter(workshop=workshop, state=DossierState.READY).first()
    if dossier is None or not dossier.pdf:
        raise Http404
    try:
        stream = dossier.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    made = dossier.made_at.date().isoformat() if dossier.made_at else ""
    response = FileResponse(
        stream,
        content_type="application/pdf",
        as_attachment=True,
        filename=f"dossier-{workshop.slug}-{made}.pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
