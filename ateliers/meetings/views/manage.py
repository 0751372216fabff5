"""Pages where organisers plan, change, cancel and close meetings."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors
from ateliers.core.once import submit_form_once
from ateliers.core.permissions import allowed
from ateliers.core.ratelimit import limit_posts
from ateliers.councils.models import Council
from ateliers.councils.views.manage import council_by_slug
from ateliers.documents import selectors as documents
from ateliers.workshops.views.manage import managed_workshop

from .. import selectors, services
from ..forms import CancelForm, CloseForm, MeetingForm
from ..models import Meeting


def meeting_by_pk(pk: int) -> Meeting:
    try:
        return selectors.meeting_for_page(pk=pk)
    except Meeting.DoesNotExist:
        raise Http404 from None


def _nav(owner) -> str:
    return "councils" if isinstance(owner, Council) else "workshops"


def _plan(request, owner):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def plan() -> str:
            meeting = services.meeting_create(
                owner=owner, created_by=request.user, **form.meeting_values()
            )
            return meeting.get_absolute_url()

        response = submit_form_once(
            request,
            form,
            plan,
            done=_("The meeting is planned and shown in the calendar."),
            back=owner.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(request, "meetings/form.html", {"form": form, "owner": owner, "nav": _nav(owner)})


@require_http_methods(["GET", "POST"])
@allowed("meetings.plan_workshop_meeting", load=managed_workshop)
@limit_posts("meetings-plan", limit=20)
def plan_for_workshop(request, workshop):
    return _plan(request, workshop)


@require_http_methods(["GET", "POST"])
@allowed("meetings.plan_council_meeting", load=council_by_slug)
@limit_posts("meetings-plan", limit=20)
def plan_for_council(request, council):
    return _plan(request, council)


def _initial(meeting: Meeting) -> dict:
    local = timezone.localtime
    return {
        "kind": meeting.kind,
        "title": meeting.title,
        "starts_at": local(meeting.starts_at),
        "ends_at": local(meeting.ends_at),
        "place": meeting.place,
        "address": meeting.address,
        "accessibility": meeting.accessibility,
        "online_link": meeting.online_link,
        "description": meeting.description,
        "agenda": "\n".join(item.title for item in meeting.agenda.all()),
        "contact": meeting.contact,
        "registration_required": meeting.registration_required,
        "capacity": meeting.capacity,
    }


def _turned_back(request, meeting: Meeting):
    """A meeting that is over, cancelled or closed no longer changes: say so."""
    if meeting.is_cancelled or meeting.is_closed:
        messages.error(request, _("This meeting is cancelled or closed: it no longer changes."))
        return redirect(meeting)
    return None


@require_http_methods(["GET", "POST"])
@allowed("meetings.organise_meeting", load=meeting_by_pk)
@limit_posts("meetings-change", limit=20)
def meeting_edit(request, meeting):
    if (response := _turned_back(request, meeting)) is not None:
        return response
    form = MeetingForm(request.POST or None, initial=_initial(meeting), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(
                meeting=meeting, changed_by=request.user, **form.meeting_values()
            )
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting was changed; the people registered are told."))
            return redirect(meeting)
    return render(
        request,
        "meetings/form.html",
        {"form": form, "owner": meeting.owner, "meeting": meeting, "nav": _nav(meeting.owner)},
    )


@require_http_methods(["GET", "POST"])
@allowed("meetings.organise_meeting", load=meeting_by_pk)
@limit_posts("meetings-change", limit=20)
def meeting_cancel(request, meeting):
    if (response := _turned_back(request, meeting)) is not None:
        return response
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(
                meeting=meeting, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The meeting is cancelled; the people registered are told.")
            )
            return redirect(meeting)
    return render(
        request,
        "meetings/cancel.html",
        {"form": form, "meeting": meeting, "nav": _nav(meeting.owner)},
    )


@require_http_methods(["GET", "POST"])
@allowed("meetings.organise_meeting", load=meeting_by_pk)
@limit_posts("meetings-change", limit=20)
def meeting_close(request, meeting):
    if (response := _turned_back(request, meeting)) is not None:
        return response
    form = CloseForm(request.POST or None, documents=documents.documents_of(meeting.owner))
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_close(meeting=meeting, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The minutes are published on the meeting's page."))
            return redirect(meeting)
    return render(
        request,
        "meetings/close.html",
        {"form": form, "meeting": meeting, "nav": _nav(meeting.owner)},
    )
