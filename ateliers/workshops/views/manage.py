"""Pages where facilitators, city staff and administrators create and run workshops."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.once import AlreadySubmitted, submit_once
from ateliers.core.permissions import allowed, can
from ateliers.core.ratelimit import limit_posts

from .. import selectors
from ..forms.workshop import PREFILL_BUTTON, WorkshopForm
from ..manage_selectors import (
    participations_of,
    workshop_for_management,
    workshops_managed_by,
)
from ..models import Workshop
from ..services import lifecycle


def managed_workshop(slug: str) -> Workshop:
    return get_object_or_404(workshop_for_management(slug))


def _bound_form(request: HttpRequest, **form_kwargs) -> tuple[WorkshopForm, bool]:
    """The submitted form, and whether it should be saved (not only have its phases computed)."""
    if PREFILL_BUTTON in request.POST:
        form = WorkshopForm(request.POST, prefill=True, **form_kwargs)
        if form.is_valid():
            form = form.with_default_phases()
        return form, False
    return WorkshopForm(request.POST, **form_kwargs), True


def _state_refusal(request: HttpRequest, workshop: Workshop, action: str) -> HttpResponse | None:
    """Someone who manages the workshop but whose action its state no longer allows (it was
    published or archived meanwhile) gets a message, not a 403 page."""
    if can(request.user, action, workshop):
        return None
    if workshop.status == Workshop.Status.ARCHIVED:
        messages.error(request, _("This workshop is archived: it can no longer be changed."))
    else:
        messages.error(request, _("This workshop is not a draft any more."))
    return redirect("workshops:manage")


@require_safe
@allowed("workshops.add_workshop")
def manage_list(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(workshops_managed_by(request.user), settings.ATELIERS_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "workshops/manage_list.html",
        {"page_obj": page, "workshops": page.object_list, "nav": "manage"},
    )


@require_http_methods(["GET", "POST"])
@allowed("workshops.add_workshop")
@limit_posts("workshop-create", limit=20)
def workshop_create(request: HttpRequest) -> HttpResponse:
    form_kwargs = {"can_assign_facilitators": can(request.user, "workshops.assign_facilitators")}
    if request.method == "POST":
        form, save = _bound_form(request, **form_kwargs)
        if save and form.is_valid():
            created: list[Workshop] = []

            def create() -> str:
                created.append(
                    lifecycle.workshop_create(created_by=request.user, **form.service_kwargs())
                )
                return reverse("workshops:manage")

            try:
                next_url = submit_once(
                    key=form.cleaned_data.get("submission_key"), user=request.user, action=create
                )
            except AlreadySubmitted as done:
                messages.info(request, str(done))
                return redirect(done.url or "workshops:manage")
            except ApplicationError as error:
                form.add_service_errors(error)
            else:
                messages.success(
                    request,
                    _("“%(title)s” is saved as a draft. Publish it when it is ready.")
                    % {"title": created[0].title},
                )
                return redirect(next_url)
    else:
        form = WorkshopForm(**form_kwargs)
    return render(request, "workshops/form.html", {"form": form, "nav": "manage"})


@require_http_methods(["GET", "POST"])
@allowed("workshops.manage_workshop", load=managed_workshop)
def workshop_edit(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    if (refusal := _state_refusal(request, workshop, "workshops.change_workshop")) is not None:
        return refusal
    form_kwargs = {
        "workshop": workshop,
        "can_assign_facilitators": can(request.user, "workshops.assign_facilitators"),
    }
    if request.method == "POST":
        form, save = _bound_form(request, **form_kwargs)
        if save and form.is_valid():
            try:
                lifecycle.workshop_update(
                    workshop=workshop, by=request.user, **form.service_kwargs()
                )
            except lifecycle.WorkshopStateError as error:
                # Archived by someone else while this form was open.
                messages.error(request, str(error))
                return redirect("workshops:manage")
            except ApplicationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, _("“%(title)s” is saved.") % {"title": workshop.title})
                return redirect("workshops:manage")
    else:
        form = WorkshopForm(initial=WorkshopForm.initial_for(workshop), **form_kwargs)
    return render(
        request, "workshops/form.html", {"form": form, "workshop": workshop, "nav": "manage"}
    )


@require_http_methods(["GET", "POST"])
@allowed("workshops.manage_workshop", load=managed_workshop)
def workshop_publish(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    if (refusal := _state_refusal(request, workshop, "workshops.publish_workshop")) is not None:
        return refusal
    problems = lifecycle.publish_problems(workshop)
    if request.method == "POST" and not problems:
        try:
            lifecycle.workshop_publish(workshop=workshop, by=request.user)
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("“%(title)s” is published.") % {"title": workshop.title})
        return redirect("workshops:manage")
    return render(
        request,
        "workshops/publish_confirm.html",
        {"workshop": workshop, "problems": problems, "nav": "manage"},
    )


@require_http_methods(["GET", "POST"])
@allowed("workshops.manage_workshop", load=managed_workshop)
def workshop_archive(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    if (refusal := _state_refusal(request, workshop, "workshops.archive_workshop")) is not None:
        return refusal
    if request.method == "POST":
        try:
            lifecycle.workshop_archive(workshop=workshop, by=request.user)
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("“%(title)s” is archived.") % {"title": workshop.title})
        return redirect("workshops:manage")
    return render(
        request, "workshops/archive_confirm.html", {"workshop": workshop, "nav": "manage"}
    )


@require_safe
@allowed("workshops.view_participants", load=managed_workshop)
def workshop_participants(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    paginator = Paginator(participations_of(workshop), settings.ATELIERS_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "workshops/participants.html",
        {
            "workshop": workshop,
            "page_obj": page,
            "participations": page.object_list,
            "counts": selectors.counts_by_capacity(workshop=workshop, with_zeros=True),
            "nav": "manage",
        },
    )
