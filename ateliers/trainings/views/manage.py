"""Pages where the city's team builds the catalogue, and where a workshop's team or a
council's president chooses the trainings they recommend."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors
from ateliers.core.once import submit_form_once
from ateliers.core.permissions import allowed
from ateliers.core.ratelimit import limit_posts
from ateliers.core.waitlist import RegistrationStatus
from ateliers.councils.views.manage import council_by_slug
from ateliers.workshops.views.manage import managed_workshop

from .. import services
from ..forms import AttendanceForm, RecommendForm, SessionCancelForm, SessionForm, TrainingForm
from ..models import Training, TrainingSession


def training_by_slug(slug: str) -> Training:
    return get_object_or_404(Training.objects.prefetch_related("themes"), slug=slug)


@require_http_methods(["GET", "POST"])
@allowed("trainings.manage_trainings")
@limit_posts("trainings-manage", limit=20)
def training_create(request):
    form = TrainingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def create() -> str:
            training = services.training_create(created_by=request.user, **form.training_values())
            return training.get_absolute_url()

        response = submit_form_once(
            request,
            form,
            create,
            done=_("The training is in the catalogue. Add its sessions."),
            back="/formations/",
        )
        if response is not None:
            return response
    return render(request, "trainings/training_form.html", {"form": form, "nav": "trainings"})


@require_http_methods(["GET", "POST"])
@allowed("trainings.manage_trainings", load=training_by_slug)
@limit_posts("trainings-manage", limit=20)
def training_edit(request, training):
    initial = {
        "title": training.title,
        "summary": training.summary,
        "audience": training.audience,
        "trainer": training.trainer,
        "prerequisites": training.prerequisites,
        "themes": list(training.themes.all()),
    }
    form = TrainingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.training_update(
                training=training, changed_by=request.user, **form.training_values()
            )
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The training was saved."))
            return redirect(training)
    return render(
        request,
        "trainings/training_form.html",
        {"form": form, "training": training, "nav": "trainings"},
    )


@require_http_methods(["GET", "POST"])
@allowed("trainings.manage_trainings", load=training_by_slug)
@limit_posts("trainings-manage", limit=20)
def session_create(request, training):
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def create() -> str:
            services.session_create(
                training=training, created_by=request.user, **form.session_values()
            )
            return training.get_absolute_url()

        response = submit_form_once(
            request,
            form,
            create,
            done=_("The session is planned: people can register for it now."),
            back=training.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(
        request,
        "trainings/session_form.html",
        {"form": form, "training": training, "nav": "trainings"},
    )


def _recommend(request, owner, *, nav: str):
    form = RecommendForm(
        request.POST or None, initial={"trainings": list(owner.recommended_trainings.all())}
    )
    if request.method == "POST" and form.is_valid():
        services.recommend(owner=owner, by=request.user, trainings=form.cleaned_data["trainings"])
        messages.success(request, _("The recommended trainings were saved."))
        return redirect(owner)
    return render(request, "trainings/recommend.html", {"form": form, "owner": owner, "nav": nav})


@require_http_methods(["GET", "POST"])
@allowed("trainings.recommend_for_workshop", load=managed_workshop)
@limit_posts("trainings-recommend", limit=20)
def recommend_for_workshop(request, workshop):
    return _recommend(request, workshop, nav="workshops")


@require_http_methods(["GET", "POST"])
@allowed("trainings.recommend_for_council", load=council_by_slug)
@limit_posts("trainings-recommend", limit=20)
def recommend_for_council(request, council):
    return _recommend(request, council, nav="councils")


def session_by_pk(pk: int) -> TrainingSession:
    return get_object_or_404(TrainingSession.objects.select_related("training"), pk=pk)


@require_http_methods(["GET", "POST"])
@allowed("trainings.mark_attendance", load=session_by_pk)
@limit_posts("trainings-attendance", limit=20)
def attendance(request, session):
    registrations = list(
        session.registrations.filter(status=RegistrationStatus.REGISTERED)
        .select_related("user")
        .order_by("user__display_name", "pk")
    )
    form = AttendanceForm(
        request.POST or None,
        registrations=registrations,
        initial={"attended": [r.user_id for r in registrations if r.attended]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            count = services.attendance_record(
                session=session, by=request.user, attended=form.cleaned_data["attended"]
            )
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Attendance saved: %(count)s people came. They can download their certificate.")
                % {"count": count},
            )
            return redirect(session)
    return render(
        request,
        "trainings/attendance.html",
        {
            "form": form,
            "session": session,
            "training": session.training,
            "registrations": registrations,
            "nav": "trainings",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("trainings.manage_trainings")
@limit_posts("trainings-manage", limit=20)
def session_edit(request, pk: int):
    session = session_by_pk(pk)
    if session.is_cancelled:
        messages.error(request, _("This session is cancelled: it no longer changes."))
        return redirect(session)
    initial = {
        "starts_at": timezone.localtime(session.starts_at),
        "duration_minutes": session.duration_minutes,
        "capacity": session.capacity,
        "place": session.place,
        "address": session.address,
        "accessibility": session.accessibility,
        "online_link": session.online_link,
    }
    form = SessionForm(request.POST or None, initial=initial, session=session)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(
                session=session, changed_by=request.user, **form.session_values()
            )
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The session was changed; the people registered are told."))
            return redirect(session)
    return render(
        request,
        "trainings/session_form.html",
        {"form": form, "training": session.training, "session": session, "nav": "trainings"},
    )


@require_http_methods(["GET", "POST"])
@allowed("trainings.manage_trainings")
@limit_posts("trainings-manage", limit=20)
def session_cancel(request, pk: int):
    session = session_by_pk(pk)
    if session.is_cancelled:
        messages.info(request, _("This session was already cancelled."))
        return redirect(session)
    form = SessionCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_cancel(
                session=session, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The session is cancelled; the people registered are told.")
            )
            return redirect(session)
    return render(
        request,
        "trainings/session_cancel.html",
        {"form": form, "session": session, "training": session.training, "nav": "trainings"},
    )
