"""Pages of workshop proposals: a council's president proposes, the city's team answers."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ateliers.core.forms import add_service_errors
from ateliers.core.permissions import refuse
from ateliers.core.ratelimit import limit_posts
from ateliers.councils.models import Council

from .. import selectors, services
from ..forms import ProposalForm
from ..models import WorkshopProposal


@limit_posts("proposals-create", limit=10)
def proposal_create(request, slug):
    council = get_object_or_404(Council, slug=slug)
    if not request.user.has_perm("proposals.propose_workshop", council):
        return refuse(request)
    if request.method == "POST":
        form = ProposalForm(request.POST)
        if form.is_valid():
            try:
                services.proposal_create(
                    council=council, submitted_by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your proposal was sent to the city. The participation team will answer it."),
                )
                return redirect(council)
    else:
        form = ProposalForm(initial={"neighbourhood": council.neighbourhood_id})
    return render(
        request, "proposals/form.html", {"nav": "councils", "council": council, "form": form}
    )


def proposal_list(request):
    if not request.user.has_perm("proposals.review_proposals"):
        return refuse(request)
    page = Paginator(selectors.proposal_list(), settings.ATELIERS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "proposals/list.html", {"nav": "councils", "page_obj": page})


def _get_proposal(pk: int) -> WorkshopProposal:
    try:
        return selectors.proposal_for_review(pk=pk)
    except WorkshopProposal.DoesNotExist as exc:
        raise Http404 from exc


def proposal_review(request, pk):
    if not request.user.has_perm("proposals.review_proposals"):
        return refuse(request)
    proposal = _get_proposal(pk)
    return render(request, "proposals/review.html", {"nav": "councils", "proposal": proposal})


@require_POST
def proposal_accept(request, pk):
    if not request.user.has_perm("proposals.review_proposals"):
        return refuse(request)
    proposal = _get_proposal(pk)
    try:
        workshop = services.proposal_accept(proposal=proposal, accepted_by=request.user)
    except services.ProposalAlreadyDecided:
        messages.error(request, _("This proposal has already been answered: nothing was changed."))
        return redirect("proposals:review", pk=proposal.pk)
    messages.success(
        request,
        _("The proposal is now a draft workshop. Complete it, check its dates, then publish it."),
    )
    return redirect("workshops:edit", slug=workshop.slug)


def proposal_decline(request, pk):
    if not request.user.has_perm("proposals.review_proposals"):
        return refuse(request)
    proposal = _get_proposal(pk)
    if proposal.status != WorkshopProposal.Status.PENDING:
        messages.error(request, _("This proposal has already been answered: nothing was changed."))
        return redirect("proposals:review", pk=proposal.pk)
    if request.method == "POST":
        try:
            services.proposal_decline(proposal=proposal)
        except services.ProposalAlreadyDecided:
            messages.error(
                request, _("This proposal has already been answered: nothing was changed.")
            )
        else:
            messages.success(request, _("The proposal was declined."))
        return redirect("proposals:review", pk=proposal.pk)
    return render(request, "proposals/decline.html", {"nav": "councils", "proposal": proposal})
