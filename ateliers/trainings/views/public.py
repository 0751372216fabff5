"""Public pages of trainings: the catalogue, a training, a session; registering, cancelling,
and a person's own trainings."""

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
from ateliers.core.models import Theme
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import can
from ateliers.core.ratelimit import limit_posts
from ateliers.core.waitlist import AlreadyRegistered, RegistrationStatus

from .. import certificates, selectors, services
from ..events import as_event
from ..models import SessionRegistration, Training, TrainingSession


def _session(pk: int) -> TrainingSession:
    try:
        return selectors.session_for_page(pk=pk)
    except TrainingSession.DoesNotExist:
        raise Http404 from None


@public_page(params={"theme", "page"})
@require_safe
def catalogue(request):
    now = timezone.now()
    themes = list(Theme.objects.order_by("name"))
    # An unknown theme shows the whole catalogue.
    theme = next((item for item in themes if item.slug == request.GET.get("theme")), None)
    page_obj = Paginator(
        selectors.catalogue(now=now, theme=theme), settings.ATELIERS_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "trainings/catalogue.html",
        {
            "page_obj": page_obj,
            "themes": themes,
            "theme": theme,
            "querystring_without_page": f"theme={theme.slug}&" if theme else "",
            "can_manage": can(request.user, "trainings.manage_trainings"),
            "nav": "trainings",
        },
    )


@public_page
@require_safe
def training_detail(request, slug: str):
    try:
        training = selectors.training_for_page(slug=slug)
    except Training.DoesNotExist:
        raise Http404 from None
    now = timezone.now()
    coming, past = selectors.sessions_of(training, now=now)
    places = selectors.places_of(request.user, coming)
    return render(
        request,
        "trainings/detail.html",
        {
            "training": training,
            "sessions": [(session, places.get(session.pk)) for session in coming],
            "past_count": past,
            "now": now,
            "can_manage": can(request.user, "trainings.manage_trainings"),
            "nav": "trainings",
        },
    )


@public_page
@require_safe
def session_detail(request, pk: int):
    session = _session(pk)
    can_manage = can(request.user, "trainings.manage_trainings")
    return render(
        request,
        "trainings/session.html",
        {
            "session": session,
            "training": session.training,
            "place": selectors.places_of(request.user, [session]).get(session.pk),
            "now": timezone.now(),
            "registrations": list(selectors.registrations_of(session)) if can_manage else None,
            "can_manage": can_manage,
            "can_mark_attendance": can(request.user, "trainings.mark_attendance", session),
            "nav": "trainings",
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
@limit_posts("training-register", limit=10)
def session_register(request, pk: int):
    session = _session(pk)
    if not can(request.user, "trainings.register_for_sessions"):
        raise Http404
    if request.method == "POST":
        try:
            outcome = services.session_register(
                session=session, user=request.user, language=request.LANGUAGE_CODE
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
                        "The session is full: you are on its waitlist, in position "
                        "%(position)s. If a seat is freed, it is yours at once and we will "
                        "tell you by e-mail."
                    )
                    % {"position": outcome.position},
                )
        return redirect(session)
    return render(
        request,
        "trainings/register_confirm.html",
        {"session": session, "training": session.training, "nav": "trainings"},
    )


@require_http_methods(["GET", "POST"])
@login_required
@limit_posts("training-cancel", limit=10)
def registration_cancel(request, pk: int):
    registration = get_object_or_404(
        SessionRegistration.objects.select_related("session__training"),
        pk=pk,
        user=request.user,
    )
    session = registration.session
    if registration.status == RegistrationStatus.CANCELLED:
        messages.info(request, _("This registration was already cancelled."))
        return redirect(session)
    if request.method == "POST":
        try:
            services.registration_cancel(registration=registration, by=request.user)
        except ApplicationError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect(session)
    return render(
        request,
        "trainings/cancel_confirm.html",
        {
            "registration": registration,
            "session": session,
            "training": session.training,
            "nav": "trainings",
        },
    )


@require_safe
@login_required
def my_trainings(request):
    now = timezone.now()
    places = selectors.my_registrations(user=request.user)
    return render(
        request,
        "trainings/mine.html",
        {
            "coming": [p for p in places if p.registration.session.ends_at > now],
            "past": [p for p in places if p.registration.session.ends_at <= now],
            "now": now,
            "nav": "trainings",
        },
    )


@require_safe
@login_required
def certificate(request, pk: int):
    """The person's own certificate, once the organisers marked them as present."""
    registration = get_object_or_404(
        SessionRegistration.objects.select_related("session__training", "user"),
        pk=pk,
        user=request.user,
        attended=True,
    )
    try:
        pdf = certificates.certificate_pdf(registration)
    except certificates.PdfUnavailable:
        messages.error(request, _("Certificates cannot be made right now. Please try later."))
        return redirect("trainings:mine")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{certificates.certificate_name(registration)}"'
    )
    return response


@require_safe
def session_ics(request, pk: int):
    """The session for a calendar application ("add to my calendar")."""
    session = _session(pk)
    response = HttpResponse(
        calendar_of([as_event(session)], name=session.training.title),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{ics_name(session.training.title)}"'
    return response
