"""Pages where facilitators, city staff and administrators create and run workshops."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ateliers.core.permissions import refuse

from .. import selectors
from ..forms.workshop import PREFILL_BUTTON, WorkshopForm
from ..manage_selectors import (
    participations_of,
    workshop_for_management,
    workshops_managed_by,
)
from ..models import Workshop
from ..services import lifecycle


def _managed_workshop(slug: str) -> Workshop:
    return get_object_or_404(workshop_for_management(slug))


def _bound_form(request: HttpRequest, **form_kwargs) -> tuple[WorkshopForm, bool]:
    """The submitted form, and whether it should be saved (not only have its phases computed)."""
    if PREFILL_BUTTON in request.POST:
        form = WorkshopForm(request.POST, prefill=True, **form_kwargs)
        if form.is_valid():
            form = form.with_default_phases()
        return form, False
    return WorkshopForm(request.POST, **form_kwargs), True


@require_http_methods(["GET"])
def manage_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("workshops.add_workshop"):
        return refuse(request)
    paginator = Paginator(workshops_managed_by(request.user), settings.ATELIERS_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "workshops/manage_list.html",
        {"page_obj": page, "workshops": page.object_list, "nav": "manage"},
    )


@require_http_methods(["GET", "POST"])
def workshop_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("workshops.add_workshop"):
        return refuse(request)
    form_kwargs = {
        "can_assign_facilitators": request.user.has_perm("workshops.assign_facilitators")
    }
    if request.method == "POST":
        form, save = _bound_form(request, **form_kwargs)
        if save and form.is_valid():
            try:
                workshop = lifecycle.workshop_create(
                    created_by=request.user, **form.service_kwargs()
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(
                    request,
                    _("“%(title)s” is saved as a draft. Publish it when it is ready.")
                    % {"title": workshop.title},
                )
                return redirect("workshops:manage")
    else:
        form = WorkshopForm(**form_kwargs)
    return render(request, "workshops/form.html", {"form": form, "nav": "manage"})


@require_http_methods(["GET", "POST"])
def workshop_edit(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = _managed_workshop(slug)
    if not request.user.has_perm("workshops.change_workshop", workshop):
        return refuse(request)
    form_kwargs = {
        "workshop": workshop,
        "can_assign_facilitators": request.user.has_perm("workshops.assign_facilitators"),
    }
    if request.method == "POST":
        form, save = _bound_form(request, **form_kwargs)
        if save and form.is_valid():
            try:
                lifecycle.workshop_update(workshop=workshop, **form.service_kwargs())
            except ValidationError as error:
                form.add_service_errors(error)
            except lifecycle.WorkshopStateError as error:
                # Archived by someone else while this form was open.
                messages.error(request, str(error))
                return redirect("workshops:manage")
            else:
                messages.success(request, _("“%(title)s” is saved.") % {"title": workshop.title})
                return redirect("workshops:manage")
    else:
        form = WorkshopForm(initial=WorkshopForm.initial_for(workshop), **form_kwargs)
    return render(
        request, "workshops/form.html", {"form": form, "workshop": workshop, "nav": "manage"}
    )


@require_http_methods(["GET", "POST"])
def workshop_publish(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = _managed_workshop(slug)
    if not request.user.has_perm("workshops.publish_workshop", workshop):
        return refuse(request)
    problems = lifecycle.publish_problems(workshop)
    if request.method == "POST" and not problems:
        try:
            lifecycle.workshop_publish(workshop=workshop, by=request.user)
        except lifecycle.WorkshopStateError as error:
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
def workshop_archive(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = _managed_workshop(slug)
    if not request.user.has_perm("workshops.archive_workshop", workshop):
        return refuse(request)
    if request.method == "POST":
        try:
            lifecycle.workshop_archive(workshop=workshop, by=request.user)
        except lifecycle.WorkshopStateError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("“%(title)s” is archived.") % {"title": workshop.title})
        return redirect("workshops:manage")
    return render(
        request, "workshops/archive_confirm.html", {"workshop": workshop, "nav": "manage"}
    )


@require_http_methods(["GET"])
def workshop_participants(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = _managed_workshop(slug)
    if not request.user.has_perm("workshops.view_participants", workshop):
        return refuse(request)
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
