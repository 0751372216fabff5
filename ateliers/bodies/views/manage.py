"""Pages that change councils: proposals of workshops, and the city's management of
councils and mandates. Permissions come from rules.py; writes from services.py."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ateliers.core.forms import add_service_errors
from ateliers.core.permissions import refuse
from ateliers.core.ratelimit import limit_posts

from .. import selectors, services
from ..forms import BodyForm, MandateCreateForm, MandateForm, ProposalForm
from ..models import Body, Mandate, WorkshopProposal

# Proposals


@limit_posts("bodies-propose", limit=10)
def proposal_create(request, slug):
    body = get_object_or_404(Body, slug=slug)
    if not request.user.has_perm("bodies.propose_workshop", body):
        return refuse(request)
    if request.method == "POST":
        form = ProposalForm(request.POST)
        if form.is_valid():
            try:
                services.proposal_create(body=body, submitted_by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your proposal was sent to the city. The participation team will answer it."),
                )
                return redirect(body)
    else:
        form = ProposalForm(initial={"neighbourhood": body.neighbourhood_id})
    return render(
        request, "bodies/proposal_form.html", {"nav": "bodies", "body": body, "form": form}
    )


def proposal_list(request):
    if not request.user.has_perm("bodies.review_proposals"):
        return refuse(request)
    page = Paginator(selectors.proposal_list(), settings.ATELIERS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "bodies/proposal_list.html", {"nav": "bodies", "page_obj": page})


def _get_proposal(pk: int) -> WorkshopProposal:
    try:
        return selectors.proposal_for_review(pk=pk)
    except WorkshopProposal.DoesNotExist as exc:
        raise Http404 from exc


def proposal_review(request, pk):
    if not request.user.has_perm("bodies.review_proposals"):
        return refuse(request)
    proposal = _get_proposal(pk)
    return render(request, "bodies/proposal_review.html", {"nav": "bodies", "proposal": proposal})


@require_POST
def proposal_accept(request, pk):
    if not request.user.has_perm("bodies.review_proposals"):
        return refuse(request)
    proposal = _get_proposal(pk)
    try:
        workshop = services.proposal_accept(proposal=proposal, accepted_by=request.user)
    except services.ProposalAlreadyDecided:
        messages.error(request, _("This proposal has already been answered: nothing was changed."))
        return redirect("bodies:proposal_review", pk=proposal.pk)
    messages.success(
        request,
        _("The proposal is now a draft workshop. Complete it, check its dates, then publish it."),
    )
    return redirect("workshops:edit", slug=workshop.slug)


def proposal_decline(request, pk):
    if not request.user.has_perm("bodies.review_proposals"):
        return refuse(request)
    proposal = _get_proposal(pk)
    if proposal.status != WorkshopProposal.Status.PENDING:
        messages.error(request, _("This proposal has already been answered: nothing was changed."))
        return redirect("bodies:proposal_review", pk=proposal.pk)
    if request.method == "POST":
        try:
            services.proposal_decline(proposal=proposal)
        except services.ProposalAlreadyDecided:
            messages.error(
                request, _("This proposal has already been answered: nothing was changed.")
            )
        else:
            messages.success(request, _("The proposal was declined."))
        return redirect("bodies:proposal_review", pk=proposal.pk)
    return render(request, "bodies/proposal_decline.html", {"nav": "bodies", "proposal": proposal})


# Councils


def body_create(request):
    if not request.user.has_perm("bodies.manage_bodies"):
        return refuse(request)
    form = BodyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        body = services.body_create(**form.cleaned_data)
        messages.success(request, _("The council was created. Add its members now."))
        return redirect("bodies:mandates", slug=body.slug)
    return render(request, "bodies/body_form.html", {"nav": "bodies", "form": form, "body": None})


def body_edit(request, slug):
    body = get_object_or_404(Body, slug=slug)
    if not request.user.has_perm("bodies.manage_bodies", body):
        return refuse(request)
    if request.method == "POST":
        form = BodyForm(request.POST, body=body)
        if form.is_valid():
            services.body_update(body=body, **form.cleaned_data)
            messages.success(request, _("The council was saved."))
            return redirect(body)
    else:
        form = BodyForm(
            body=body,
            initial={
                "kind": body.kind,
                "name": body.name,
                "description": body.description,
                "neighbourhood": body.neighbourhood_id,
                "themes": list(body.themes.values_list("pk", flat=True)),
            },
        )
    return render(request, "bodies/body_form.html", {"nav": "bodies", "form": form, "body": body})


# Mandates


def mandate_list(request, slug):
    body = get_object_or_404(Body, slug=slug)
    if not request.user.has_perm("bodies.manage_bodies", body):
        return refuse(request)
    form = MandateCreateForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.mandate_create(body=body, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The mandate was added."))
            return redirect("bodies:mandates", slug=body.slug)
    return render(
        request,
        "bodies/mandate_list.html",
        {
            "nav": "bodies",
            "body": body,
            "mandates": selectors.body_all_mandates(body=body),
            "today": timezone.localdate(),
            "form": form,
        },
    )


def _get_mandate(body: Body, pk: int) -> Mandate:
    return get_object_or_404(Mandate.objects.select_related("user", "body"), body=body, pk=pk)


def mandate_edit(request, slug, pk):
    body = get_object_or_404(Body, slug=slug)
    if not request.user.has_perm("bodies.manage_bodies", body):
        return refuse(request)
    mandate = _get_mandate(body, pk)
    if request.method == "POST":
        form = MandateForm(request.POST)
        if form.is_valid():
            try:
                services.mandate_update(mandate=mandate, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The mandate was saved."))
                return redirect("bodies:mandates", slug=body.slug)
    else:
        form = MandateForm(
            initial={
                "role": mandate.role,
                "starts_on": mandate.starts_on,
                "ends_on": mandate.ends_on,
            }
        )
    return render(
        request,
        "bodies/mandate_form.html",
        {
            "nav": "bodies",
            "body": body,
            "mandate": mandate,
            "form": form,
            "today": timezone.localdate(),
        },
    )


def mandate_delete(request, slug, pk):
    body = get_object_or_404(Body, slug=slug)
    if not request.user.has_perm("bodies.manage_bodies", body):
        return refuse(request)
    mandate = _get_mandate(body, pk)
    if request.method == "POST":
        services.mandate_delete(mandate=mandate)
        messages.success(request, _("The mandate was deleted."))
        return redirect("bodies:mandates", slug=body.slug)
    return render(
        request,
        "bodies/mandate_confirm_delete.html",
        {"nav": "bodies", "body": body, "mandate": mandate},
    )
