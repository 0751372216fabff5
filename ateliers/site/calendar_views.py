"""The city's calendar page and its iCalendar feeds."""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core import fields
from ateliers.core.ical import calendar_of
from ateliers.core.models import Neighbourhood, Theme
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import can
from ateliers.councils.models import Council
from ateliers.meetings.models import Meeting
from ateliers.workshops.models import Workshop

from . import calendar
from .models import CalendarKey, new_key

# What one page of the calendar covers.
WINDOW = datetime.timedelta(days=14)


class CalendarFilters(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=[
            ("", gettext_lazy("Everything")),
            (calendar.TRAINING, gettext_lazy("Trainings")),
            *Meeting.Kind.choices,
        ],
    )
    neighbourhood = fields.ModelChoiceField(
        label=gettext_lazy("Neighbourhood"),
        queryset=Neighbourhood.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("The whole city"),
    )
    theme = fields.ModelChoiceField(
        label=gettext_lazy("Theme"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        empty_label=gettext_lazy("All the themes"),
    )
    debut = fields.PlausibleDateField(
        label=gettext_lazy("From"), required=False, widget=fields.DateInput
    )
    atelier = forms.SlugField(required=False, max_length=180, widget=forms.HiddenInput)
    conseil = forms.SlugField(required=False, max_length=180, widget=forms.HiddenInput)


def _ics(events, *, name: str, filename: str) -> HttpResponse:
    response = HttpResponse(
        calendar_of(events, name=name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@public_page(params={"kind", "neighbourhood", "theme", "debut", "atelier", "conseil"})
@require_safe
def calendar_page(request):
    form = CalendarFilters(request.GET)
    form.is_valid()
    data = form.cleaned_data
    today = timezone.localdate()
    first_day = data.get("debut") or today
    start = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time()))
    workshop = (
        Workshop.objects.filter(slug=data["atelier"]).first() if data.get("atelier") else None
    )
    if workshop is not None and not can(request.user, "workshops.view_workshop", workshop):
        workshop = None
    council = Council.objects.filter(slug=data["conseil"]).first() if data.get("conseil") else None
    filters = calendar.Filters(
        kind=data.get("kind") or "",
        neighbourhood=data["neighbourhood"].pk if data.get("neighbourhood") else None,
        theme=data["theme"].pk if data.get("theme") else None,
        workshop=workshop,
        council=council,
    )
    query = request.GET.copy()
    query.pop("debut", None)
    base = query.urlencode()
    later = (first_day + WINDOW).isoformat()
    earlier = (first_day - WINDOW).isoformat()
    return render(
        request,
        "site/calendar.html",
        {
            "form": form,
            "days": calendar.entries_between(start, start + WINDOW, filters),
            "first_day": first_day,
            "last_day": first_day + WINDOW - datetime.timedelta(days=1),
            "next_url": f"?{base}&debut={later}" if base else f"?debut={later}",
            "previous_url": f"?{base}&debut={earlier}" if base else f"?debut={earlier}",
            "workshop": workshop,
            "council": council,
            "nav": "calendar",
        },
    )


@public_page
@require_safe
def city_feed(request):
    return _ics(
        calendar.city_feed(now=timezone.now()),
        name=_("Participation in %(city)s") % {"city": settings.SITE_NAME},
        filename="agenda.ics",
    )


@public_page
@require_safe
def workshop_feed(request, slug: str):
    workshop = get_object_or_404(Workshop, slug=slug)
    if not can(request.user, "workshops.view_workshop", workshop):
        raise Http404
    return _ics(
        calendar.owner_feed(workshop, now=timezone.now()),
        name=workshop.title,
        filename=f"{workshop.slug}.ics",
    )


@public_page
@require_safe
def council_feed(request, slug: str):
    council = get_object_or_404(Council, slug=slug)
    return _ics(
        calendar.owner_feed(council, now=timezone.now()),
        name=council.name,
        filename=f"{council.slug}.ics",
    )


@require_safe
def personal_feed(request, key: str):
    found = CalendarKey.objects.select_related("user").filter(key=key).first()
    if found is None or not found.user.is_active:
        raise Http404
    return _ics(
        calendar.personal_feed(found.user, now=timezone.now()),
        name=_("My participation calendar"),
        filename="mon-agenda.ics",
    )


@require_http_methods(["GET", "POST"])
@login_required
def my_calendar(request):
    """The address of the person's own feed, and a button to renew it."""
    calendar_key, _created = CalendarKey.objects.get_or_create(user=request.user)
    if request.method == "POST":
        calendar_key.key = new_key()
        calendar_key.save(update_fields=["key", "created_at"])
        messages.success(
            request, _("Your calendar has a new address: the old one no longer works.")
        )
        return redirect("site:my_calendar")
    feed_url = request.build_absolute_uri(reverse("site:personal_feed", args=[calendar_key.key]))
    return render(request, "site/my_calendar.html", {"feed_url": feed_url, "nav": "calendar"})
