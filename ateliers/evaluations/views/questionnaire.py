"""The participants' anonymous questionnaire: the form for an invited participant (or why
there is none), the team's page that opens it and invites everyone, and the results, public
as the workshop is, from MINIMUM_ANSWERS answers on.

The answer is not sent through core/once.py: its one-time key would keep who sent the form
and when, the very link the questionnaire never keeps. It needs none either: the service
takes one answer per person, and a second submission (a double click, another tab) is told
"already answered" on the page that thanks the person."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors, posted
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import allowed, can, refuse
from ateliers.core.ratelimit import limit_posts
from ateliers.workshops.models import Workshop
from ateliers.workshops.views.loaders import visible_workshop, workshop_by_slug

from .. import questionnaire as service
from .. import selectors_questionnaire as selectors
from ..forms_questionnaire import QuestionnaireForm
from ..models import MINIMUM_ANSWERS


def _page_of(workshop: Workshop) -> str:
    return reverse("evaluations:questionnaire", args=[workshop.slug])


def _results_of(workshop: Workshop) -> str:
    return reverse("evaluations:results", args=[workshop.slug])


@require_http_methods(["GET", "POST"])
@limit_posts("evaluations-answer", limit=10)
def questionnaire_page(request, slug: str):
    workshop = visible_workshop(request, slug)
    questionnaire = selectors.questionnaire_of(workshop)
    form = QuestionnaireForm(posted(request))
    if request.method == "POST":
        if not can(request.user, "evaluations.answer_questionnaire", workshop):
            return refuse(request)
        if questionnaire is None:
            messages.info(request, _("The questionnaire is not open yet."))
            return redirect(_page_of(workshop))
        if form.is_valid():
            try:
                service.questionnaire_answer(
                    user=request.user, questionnaire=questionnaire, answers=form.cleaned_data
                )
            except (service.AlreadyAnswered, service.NotInvited, service.QuestionnaireClosed) as no:
                # Nothing to correct on the form: the page says where the person stands.
                messages.info(request, str(no))
                return redirect(_page_of(workshop))
            except ApplicationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you: your answers are recorded anonymously."))
                return redirect(_page_of(workshop))
    return render(
        request,
        "evaluations/questionnaire/page.html",
        {
            "workshop": workshop,
            "questionnaire": questionnaire,
            "standing": selectors.standing(questionnaire, request.user, timezone.now()),
            "form": form,
            "minimum": MINIMUM_ANSWERS,
            "may_open": questionnaire is None
            and can(request.user, "evaluations.open_questionnaire", workshop),
            "nav": "workshops",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("evaluations.open_questionnaire", load=workshop_by_slug)
@limit_posts("evaluations-open", limit=10)
def questionnaire_open(request, workshop):
    questionnaire = selectors.questionnaire_of(workshop)
    if request.method == "POST":
        try:
            opened = service.questionnaire_open(actor=request.user, workshop=workshop)
        except ApplicationError as error:
            messages.info(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s participant is invited: the questionnaire is open for 30 days.",
                    "%(count)s participants are invited: the questionnaire is open for 30 days.",
                    opened.invited,
                )
                % {"count": opened.invited},
            )
        return redirect(_results_of(workshop))
    return render(
        request,
        "evaluations/questionnaire/open.html",
        {
            "workshop": workshop,
            "questionnaire": questionnaire,
            "opening": selectors.opening_of(workshop) if questionnaire is None else None,
            "minimum": MINIMUM_ANSWERS,
            "nav": "workshops",
        },
    )


@public_page(params=("page",))
@require_safe
def results(request, slug: str):
    workshop = visible_workshop(request, slug)
    questionnaire = selectors.questionnaire_of(workshop)
    user = request.user
    return render(
        request,
        "evaluations/questionnaire/results.html",
        {
            "workshop": workshop,
            "results": selectors.results_of(
                questionnaire,
                with_free_answers=can(user, "evaluations.read_free_answers", workshop),
                page=request.GET.get("page"),
            ),
            "is_open": questionnaire is not None and questionnaire.is_open(timezone.now()),
            "may_open": questionnaire is None
            and can(user, "evaluations.open_questionnaire", workshop),
            "nav": "workshops",
        },
    )
