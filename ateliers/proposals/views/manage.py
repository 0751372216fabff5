"""Pages of workshop proposals: a council's president proposes, the city's team answers."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors
from ateliers.core.once import AlreadySubmitted, submit_once
from ateliers.core.permissions import allowed
from ateliers.core.ratelimit import limit_posts
from ateliers.councils.models import Council

from .. import selectors, services
from ..forms import ProposalForm
from ..models import WorkshopProposal


def council_by_slug(slug: str) -> Council:
    return get_object_or_404(Council, slug=slug)


def _get_proposal(pk: int) -> WorkshopProposal:
    try:
        return selectors.proposal_for_review(pk=pk)
    except WorkshopProposal.DoesNotExist as exc:
        raise Http404 from exc


@require_http_methods(["GET", "POST"])
@allowed("proposals.propose_workshop", load=council_by_slug)
@limit_posts("proposals-create", limit=10)
def proposal_create(request, council):
    if request.method == "POST":
        form = ProposalForm(request.POST)
        if form.is_valid():

            def propose() -> str:
                services.proposal_create(
                    council=council, submitted_by=request.user, **form.proposal_values()
                )
                return council.get_absolute_url()

            try:
                next_url = submit_once(
                    key=form.cleaned_data["submission_key"], user=request.user, action=propose
                )
            except AlreadySubmitted as done:
                messages.info(request, str(done))
                return redirect(done.url or council.get_absolute_url())
            except ApplicationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your proposal was sent to the city. The participation team will answer it."),
                )
                return redirect(next_url)
    else:
        form = ProposalForm(initial={"neighbourhood": council.neighbourhood_id})
    return render(
        request, "proposals/form.html", {"nav": "councils", "council": council, "form": form}
    )


@require_safe
@allowed("proposals.review_proposals")
def proposal_list(request):
    page = Paginator(selectors.proposal_list(), settings.ATELIERS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "proposals/list.html", {"nav": "councils", "page_obj": page})


@require_safe
@allowed("proposals.review_proposals")
def proposal_review(request, pk):
    proposal = _get_proposal(pk)
    return render(request, "proposals/review.html", {"nav": "councils", "proposal": proposal})


@require_POST
@allowed("proposals.review_proposals")
def proposal_accept(request, pk):
    proposal = _get_proposal(pk)
    try:
        workshop = services.proposal_accept(proposal=proposal, accepted_by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error))
        return redirect("proposals:review", pk=proposal.pk)
    messages.success(
        request,
        _("The proposal is now a draft workshop. Complete it, check its dates, then publish it."),
    )
    return redirect("workshops:edit", slug=workshop.slug)


@require_http_methods(["GET", "POST"])
@allowed("proposals.review_proposals")
def proposal_decline(request, pk):
    proposal = _get_proposal(pk)
    if proposal.status != WorkshopProposal.Status.PENDING:
        messages.error(request, str(services.ProposalAlreadyDecided()))
        return redirect("proposals:review", pk=proposal.pk)
    if request.method == "POST":
        try:
            services.proposal_decline(proposal=proposal, by=request.user)
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The proposal was declined."))
        return redirect("proposals:review", pk=proposal.pk)
    return render(request, "proposals/decline.html", {"nav": "councils", "proposal": proposal})
