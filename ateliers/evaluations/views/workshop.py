"""A workshop's evaluation by its facilitators: the public page (the objective and the
planned evaluation from the start, the evaluation once published; the team's draft with
today's measured values and its actions), and the team's pages in the closing window after
the workshop's end: writing the outcome and its explanation, adding and removing
indicators, publishing (confirmed first: public and final)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import act_on_form, posted
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import allowed, can
from ateliers.core.ratelimit import limit_posts
from ateliers.workshops.models import Workshop
from ateliers.workshops.views.loaders import visible_workshop, workshop_by_slug

from .. import selectors_workshop as selectors
from .. import services
from ..forms_workshop import EvaluationForm, IndicatorForm
from ..models import Indicator

WRITE = "evaluations.write_evaluation"


def page_of(workshop: Workshop) -> str:
    return reverse("evaluations:workshop", args=[workshop.slug])


def _published(request, workshop: Workshop):
    """Once published the evaluation no longer changes: back to its page, which says so."""
    evaluation = selectors.evaluation_of(workshop)
    if evaluation is None or not evaluation.is_published:
        return None
    messages.info(request, str(services.AlreadyPublished()))
    return redirect(page_of(workshop))


@public_page
@require_safe
def evaluation_page(request, slug: str):
    workshop = visible_workshop(request, slug)
    team = can(request.user, "workshops.manage_workshop", workshop)
    page = selectors.evaluation_page(workshop, team=team)
    return render(
        request,
        "evaluations/workshop/page.html",
        {
            "workshop": workshop,
            "page": page,
            "evaluation": page.evaluation,
            "may_write": team and not page.published and can(request.user, WRITE, workshop),
            "ended": selectors.has_ended(workshop),
            "window_closes": selectors.window_closes(workshop),
            "window_open": timezone.now() < selectors.window_closes(workshop),
            "nav": "workshops",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed(WRITE, load=workshop_by_slug)
@limit_posts("evaluation-write", limit=30)
def evaluation_write(request, workshop):
    if (published := _published(request, workshop)) is not None:
        return published
    evaluation = selectors.evaluation_of(workshop)
    initial = (
        {"outcome": evaluation.outcome, "explanation": evaluation.explanation}
        if evaluation is not None
        else {}
    )
    form = EvaluationForm(posted(request), initial=initial)
    done = act_on_form(
        request,
        form,
        lambda data: services.evaluation_save(
            actor=request.user,
            workshop=workshop,
            outcome=data["outcome"] or "",
            explanation=data["explanation"] or "",
        ),
        done=_("The evaluation is saved. It stays a draft until you publish it."),
        then=page_of(workshop),
    )
    return done or render(
        request,
        "evaluations/workshop/write.html",
        {"workshop": workshop, "form": form, "nav": "workshops"},
    )


@require_http_methods(["GET", "POST"])
@allowed(WRITE, load=workshop_by_slug)
@limit_posts("evaluation-indicator", limit=60)
def indicator_add(request, workshop):
    if (published := _published(request, workshop)) is not None:
        return published
    measures = selectors.unused_measures(selectors.indicators_of(selectors.evaluation_of(workshop)))
    form = IndicatorForm(posted(request), measures=measures)
    done = act_on_form(
        request,
        form,
        lambda data: services.indicator_add(
            actor=request.user,
            workshop=workshop,
            name=data["name"] or "",
            target=data["target"] or "",
            value=data["value"] or "",
            measure=data["measure"] or "",
        ),
        done=_("The indicator is added."),
        then=page_of(workshop) + "#indicators",
    )
    return done or render(
        request,
        "evaluations/workshop/indicator_add.html",
        {"workshop": workshop, "form": form, "nav": "workshops"},
    )


def indicator_of(slug: str, pk: int) -> Indicator:
    """The indicator of the workshop's evaluation, or 404; its workshop is the one loaded
    for the rules (with its phases and facilitators)."""
    workshop = workshop_by_slug(slug)
    indicator = get_object_or_404(
        Indicator.objects.select_related("evaluation"), pk=pk, evaluation__workshop=workshop
    )
    indicator.evaluation.workshop = workshop
    return indicator


@require_http_methods(["GET", "POST"])
@allowed(WRITE, load=indicator_of, on=lambda indicator: indicator.evaluation.workshop)
def indicator_remove(request, indicator):
    workshop = indicator.evaluation.workshop
    if request.method == "POST":
        try:
            services.indicator_remove(actor=request.user, indicator=indicator)
        except ApplicationError as error:
            messages.info(request, str(error))
        else:
            messages.success(
                request, _("The indicator “%(name)s” is removed.") % {"name": indicator.name}
            )
        return redirect(page_of(workshop) + "#indicators")
    if (published := _published(request, workshop)) is not None:
        return published
    return render(
        request,
        "evaluations/workshop/indicator_remove.html",
        {"workshop": workshop, "indicator": indicator, "nav": "workshops"},
    )


@require_http_methods(["GET", "POST"])
@allowed(WRITE, load=workshop_by_slug)
@limit_posts("evaluation-publish", limit=10)
def evaluation_publish(request, workshop):
    if (published := _published(request, workshop)) is not None:
        return published
    if request.method == "POST":
        try:
            services.evaluation_publish(actor=request.user, workshop=workshop)
        except ApplicationError as error:
            for problem in error.messages:
                messages.error(request, problem)
            return redirect(page_of(workshop))
        messages.success(request, _("The evaluation is published. It no longer changes."))
        return redirect(page_of(workshop))
    evaluation = selectors.evaluation_of(workshop)
    return render(
        request,
        "evaluations/workshop/publish.html",
        {"workshop": workshop, "evaluation": evaluation, "nav": "workshops"},
    )
