"""Public pages of workshops: the list, a workshop's page and history, joining, leaving,
my workshops."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.activity import selectors as activity
from ateliers.core import page_cache
from ateliers.core.errors import ApplicationError
from ateliers.core.page_cache import lazy_value, public_page
from ateliers.core.permissions import can
from ateliers.core.ratelimit import limit_posts
from ateliers.councils.models import Council

from .. import selectors
from ..forms.filters import WorkshopFilterForm
from ..forms.participation import JoinForm
from ..models import Workshop
from ..selectors import Panel
from ..services import participation as services

# How many of the latest public actions the workshop's page shows.
HISTORY_PREVIEW = 5


def _visible_workshop(request, slug: str) -> Workshop:
    """The workshop, or 404 for a draft the person may not see (a draft is not public yet).
    Kept in the cache until it changes: the services read it again before writing."""
    workshop = page_cache.kept_value(
        f"workshop:{slug}", lambda: selectors.workshop_for_page(slug=slug), workshop_slug=slug
    )
    if workshop is None or not can(request.user, "workshops.view_workshop", workshop):
        raise Http404
    return workshop


def _querystring_without_page(request) -> str:
    """The current filters, ready for includes/pagination.html to add `page=`."""
    query = request.GET.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return f"{encoded}&" if encoded else ""


@public_page(params=WorkshopFilterForm.base_fields.keys() | {"page"}, counts="all")
@require_safe
def workshop_list(request):
    now = timezone.now()

    def filtered():
        form = WorkshopFilterForm(request.GET)
        # Invalid values (an unknown neighbourhood…) are dropped; the valid filters still apply.
        form.is_valid()
        return form

    form = lazy_value(filtered)
    # Read only when the page's shared fragment is not kept (core/page_cache.py).
    context = {
        "form": form,
        "page_obj": lazy_value(
            lambda: Paginator(
                selectors.workshop_list(filters=form.cleaned_data, now=now),
                settings.ATELIERS_PAGE_SIZE,
            ).get_page(request.GET.get("page"))
        ),
        "now": now,
        "is_filtered": lazy_value(lambda: any(form.cleaned_data.values())),
        "querystring_without_page": _querystring_without_page(request),
        "nav": "workshops",
    }
    # htmx swaps only the results; a history restore needs the whole page.
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "workshops/_results.html", context)
    return render(request, "workshops/list.html", context)


@public_page(counts="slug")
@require_safe
def workshop_detail(request, slug: str):
    workshop = _visible_workshop(request, slug)
    now = timezone.now()
    context = {
        "workshop": workshop,
        "now": now,
        "timeline": selectors.workshop_timeline(workshop=workshop, now=now),
        # Read only when the page's shared fragments are not kept (core/page_cache.py).
        "counts_by_capacity": lazy_value(lambda: selectors.counts_by_capacity(workshop=workshop)),
        "panel": selectors.participation_panel(workshop=workshop, user=request.user, now=now),
        "workshop_participants_generation": page_cache.workshop_participants_generation(slug),
        "history": lazy_value(lambda: list(activity.history_of(workshop)[:HISTORY_PREVIEW])),
        "can_change": can(request.user, "workshops.change_workshop", workshop),
        "nav": "workshops",
    }
    return render(request, "workshops/detail.html", context)


@public_page(params={"page"})
@require_safe
def workshop_history(request, slug: str):
    """Everything public that happened to the workshop, the most recent first."""
    workshop = _visible_workshop(request, slug)
    page_obj = Paginator(activity.history_of(workshop), settings.ATELIERS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "workshops/history.html",
        {
            "workshop": workshop,
            "page_obj": page_obj,
            "querystring_without_page": "",
            "nav": "workshops",
        },
    )


def _join_refusal(panel: selectors.ParticipationPanel) -> services.ParticipationError:
    """Why this person cannot join now, in the words of the service that would refuse."""
    if panel.state == Panel.PARTICIPATING and panel.registration.status in (
        selectors.Registration.OPEN,
        selectors.Registration.FULL,
    ):
        return services.AlreadyParticipating()
    if panel.state == Panel.FULL:
        return services.WorkshopFull()
    return services.RegistrationClosed()


@require_http_methods(["GET", "POST"])
@login_required
@limit_posts("workshop-join", limit=10)
def workshop_join(request, slug: str):
    workshop = _visible_workshop(request, slug)
    panel = selectors.participation_panel(workshop=workshop, user=request.user, now=timezone.now())
    if panel.state != Panel.JOIN:
        refusal = _join_refusal(panel)
        already = isinstance(refusal, services.AlreadyParticipating)
        (messages.info if already else messages.error)(request, str(refusal))
        return redirect(workshop)
    form = JoinForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.workshop_join(workshop=workshop, user=request.user, **form.join_values())
        except services.AlreadyParticipating as refusal:
            messages.info(request, str(refusal))
            return redirect(workshop)
        except ApplicationError as refusal:
            messages.error(request, str(refusal))
            return redirect(workshop)
        messages.success(
            request, _("You now take part in the workshop “%(title)s”.") % {"title": workshop}
        )
        return redirect(workshop)
    return render(
        request, "workshops/join.html", {"workshop": workshop, "form": form, "nav": "workshops"}
    )


@require_http_methods(["GET", "POST"])
@login_required
@limit_posts("workshop-leave", limit=10)
def workshop_leave(request, slug: str):
    workshop = _visible_workshop(request, slug)
    panel = selectors.participation_panel(workshop=workshop, user=request.user, now=timezone.now())
    if panel.participation is None:
        messages.error(request, str(services.NotParticipating()))
        return redirect(workshop)
    if not panel.can_leave:
        messages.error(request, str(services.LeavingClosed()))
        return redirect(workshop)
    if request.method == "POST":
        try:
            services.workshop_leave(workshop=workshop, user=request.user)
        except ApplicationError as refusal:
            messages.error(request, str(refusal))
            return redirect(workshop)
        messages.success(
            request, _("You no longer take part in the workshop “%(title)s”.") % {"title": workshop}
        )
        return redirect(workshop)
    return render(
        request,
        "workshops/leave_confirm.html",
        {"workshop": workshop, "participation": panel.participation, "nav": "workshops"},
    )


@require_safe
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


@public_page(params={"page"}, counts="all")
@require_safe
def council_workshops(request, slug: str):
    """Every workshop a council proposed or sponsors, as the public may see them."""
    council = get_object_or_404(Council, slug=slug)
    workshops = selectors.council_public_workshops(council=council)
    page_obj = Paginator(workshops, settings.ATELIERS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "workshops/council_workshops.html",
        {
            "council": council,
            "page_obj": page_obj,
            "now": timezone.now(),
            "querystring_without_page": "",
            "nav": "councils",
        },
    )
