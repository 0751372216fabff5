"""Public pages of workshops: the list, a workshop's page, joining, leaving, my workshops."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ateliers.core.ratelimit import limit_posts

from .. import selectors
from ..forms.filters import WorkshopFilterForm
from ..forms.participation import JoinForm
from ..models import Workshop
from ..services import participation as services


def _visible_workshop(request, slug: str) -> Workshop:
    """The workshop, or 404 for a draft the person may not see (a draft is not public yet)."""
    workshop = selectors.workshop_for_page(slug=slug)
    if workshop is None or not request.user.has_perm("workshops.view_workshop", workshop):
        raise Http404
    return workshop


def _querystring_without_page(request) -> str:
    """The current filters, ready for includes/pagination.html to add `page=`."""
    query = request.GET.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return f"{encoded}&" if encoded else ""


def workshop_list(request):
    now = timezone.now()
    form = WorkshopFilterForm(request.GET)
    # Invalid values (an unknown neighbourhood…) are dropped; the valid filters still apply.
    form.is_valid()
    workshops = selectors.workshop_list(filters=form.cleaned_data, now=now)
    page_obj = Paginator(workshops, settings.ATELIERS_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page_obj,
        "now": now,
        "is_filtered": any(form.cleaned_data.values()),
        "querystring_without_page": _querystring_without_page(request),
        "nav": "workshops",
    }
    # htmx swaps only the results; a history restore needs the whole page.
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "workshops/_results.html", context)
    return render(request, "workshops/list.html", context)


def workshop_detail(request, slug: str):
    workshop = _visible_workshop(request, slug)
    now = timezone.now()
    participation = selectors.participation_of(workshop=workshop, user=request.user)
    user = request.user
    context = {
        "workshop": workshop,
        "now": now,
        "timeline": selectors.workshop_timeline(workshop=workshop, now=now),
        "counts_by_capacity": selectors.counts_by_capacity(workshop=workshop),
        "participation": participation,
        "registrations_open": selectors.registrations_open(workshop=workshop, now=now),
        "communication_phase": selectors.communication_phase(workshop=workshop),
        "can_join": participation is None
        and not workshop.is_full
        and user.has_perm("workshops.join_workshop", workshop),
        "can_leave": participation is not None
        and user.has_perm("workshops.leave_workshop", workshop),
        "nav": "workshops",
    }
    return render(request, "workshops/detail.html", context)


@login_required
@limit_posts("workshop-join", limit=10)
def workshop_join(request, slug: str):
    workshop = _visible_workshop(request, slug)
    if not request.user.has_perm("workshops.join_workshop", workshop):
        messages.error(request, str(services.RegistrationClosed()))
        return redirect(workshop)
    if request.method != "POST":
        # Say at once what the form would refuse, rather than after it is filled in.
        if selectors.participation_of(workshop=workshop, user=request.user) is not None:
            messages.info(request, str(services.AlreadyParticipating()))
            return redirect(workshop)
        if workshop.is_full:
            messages.error(request, str(services.WorkshopFull()))
            return redirect(workshop)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.workshop_join(
                workshop=workshop,
                user=request.user,
                capacity=form.cleaned_data["capacity"],
                association_name=form.cleaned_data["association_name"],
                council=form.cleaned_data["council"],
            )
        except services.AlreadyParticipating as refusal:
            messages.info(request, str(refusal))
            return redirect(workshop)
        except services.ParticipationError as refusal:
            messages.error(request, str(refusal))
            return redirect(workshop)
        messages.success(
            request, _("You now take part in the workshop “%(title)s”.") % {"title": workshop}
        )
        return redirect(workshop)
    return render(
        request, "workshops/join.html", {"workshop": workshop, "form": form, "nav": "workshops"}
    )


@login_required
@limit_posts("workshop-leave", limit=10)
def workshop_leave(request, slug: str):
    workshop = _visible_workshop(request, slug)
    if not request.user.has_perm("workshops.leave_workshop", workshop):
        participation = selectors.participation_of(workshop=workshop, user=request.user)
        refusal = services.NotParticipating() if participation is None else services.LeavingClosed()
        messages.error(request, str(refusal))
        return redirect(workshop)
    if request.method == "POST":
        try:
            services.workshop_leave(workshop=workshop, user=request.user)
        except services.ParticipationError as refusal:
            messages.error(request, str(refusal))
            return redirect(workshop)
        messages.success(
            request, _("You no longer take part in the workshop “%(title)s”.") % {"title": workshop}
        )
        return redirect(workshop)
    participation = selectors.participation_of(workshop=workshop, user=request.user)
    return render(
        request,
        "workshops/leave_confirm.html",
        {"workshop": workshop, "participation": participation, "nav": "workshops"},
    )


@login_required
def my_workshops(request):
    now = timezone.now()
    participations = selectors.my_participations(user=request.user)
    page_obj = Paginator(participations, settings.ATELIERS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "workshops/mine.html",
        {
            "page_obj": page_obj,
            "now": now,
            "querystring_without_page": "",
            "nav": "mine",
        },
    )
