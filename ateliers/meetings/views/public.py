"""Public pages of meetings: a meeting, its .ics, registering and cancelling."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.ical import calendar_of, ics_name
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import can
from ateliers.core.ratelimit import limit_posts
from ateliers.core.waitlist import AlreadyRegistered, RegistrationStatus
from ateliers.councils.models import Council
from ateliers.workshops.views.loaders import visible_workshop

from .. import selectors, services
from ..events import as_event
from ..models import Meeting, MeetingRegistration


def visible_meeting(request, pk: int) -> Meeting:
    try:
        meeting = selectors.meeting_for_page(pk=pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    if not can(request.user, "meetings.view_meeting", meeting):
        raise Http404
    return meeting


def _nav(meeting: Meeting) -> str:
    return "workshops" if meeting.workshop_id else "councils"


@public_page
@require_safe
def meeting_detail(request, pk: int):
    meeting = visible_meeting(request, pk)
    organiser = can(request.user, "meetings.organise_meeting", meeting)
    registration, position = selectors.place_of(request.user, meeting)
    now = timezone.now()
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "owner": meeting.owner,
            "registration": registration,
            "position": position,
            "now": now,
            "organiser": organiser,
            "registrations": list(selectors.registrations_of(meeting)) if organiser else None,
            "nav": _nav(meeting),
        },
    )


@require_safe
def meeting_ics(request, pk: int):
    """The meeting for a calendar application ("add to my calendar")."""
    meeting = visible_meeting(request, pk)
    response = HttpResponse(
        calendar_of([as_event(meeting)], name=meeting.title),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{ics_name(meeting.title)}"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
@limit_posts("meeting-register", limit=10)
def meeting_register(request, pk: int):
    meeting = visible_meeting(request, pk)
    if not can(request.user, "meetings.register_for_meetings"):
        raise Http404
    if request.method == "POST":
        try:
            outcome = services.meeting_register(
                meeting=meeting, user=request.user, language=request.LANGUAGE_CODE
            )
        except AlreadyRegistered as refusal:
            messages.info(request, str(refusal))
        except ApplicationError as refusal:
            messages.error(request, str(refusal))
        else:
            if outcome.position is None:
                messages.success(request, _("You are registered. See you there!"))
            else:
                messages.warning(
                    request,
                    _(
                        "The meeting is full: you are on its waitlist, in position "
                        "%(position)s. If a seat is freed, it is yours at once and we will "
                        "tell you by e-mail."
                    )
                    % {"position": outcome.position},
                )
        return redirect(meeting)
    return render(
        request,
        "meetings/register_confirm.html",
        {"meeting": meeting, "nav": _nav(meeting)},
    )


@require_http_methods(["GET", "POST"])
@login_required
@limit_posts("meeting-cancel", limit=10)
def registration_cancel(request, pk: int):
    registration = get_object_or_404(
        MeetingRegistration.objects.select_related("meeting"), pk=pk, user=request.user
    )
    meeting = registration.meeting
    if registration.status == RegistrationStatus.CANCELLED:
        messages.info(request, _("This registration was already cancelled."))
        return redirect(meeting)
    if request.method == "POST":
        try:
            services.registration_cancel(registration=registration, by=request.user)
        except ApplicationError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect(meeting)
    return render(
        request,
        "meetings/cancel_registration.html",
        {"registration": registration, "meeting": meeting, "nav": _nav(meeting)},
    )


def _owner_meetings(request, owner, *, nav: str):
    page_obj = Paginator(
        selectors.meetings_of(owner).order_by("-starts_at", "-pk"), settings.ATELIERS_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/list.html",
        {"owner": owner, "page_obj": page_obj, "querystring_without_page": "", "nav": nav},
    )


@public_page(params={"page"})
@require_safe
def workshop_meetings(request, slug: str):
    return _owner_meetings(request, visible_workshop(request, slug), nav="workshops")


@public_page(params={"page"})
@require_safe
def council_meetings(request, slug: str):
    return _owner_meetings(request, get_object_or_404(Council, slug=slug), nav="councils")
