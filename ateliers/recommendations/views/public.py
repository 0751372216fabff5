"""The recommendations' pages: a workshop's recommendations, one recommendation with its
versions, drafting, editing, adding a co-author, supporting and withdrawing a support."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import act_on_form
from ateliers.core.once import submit_form_once
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import allowed, can
from ateliers.core.ratelimit import limit_posts
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.rules import takes_part
from ateliers.workshops.views.loaders import visible_workshop, workshop_by_slug

from .. import adoption_selectors, grounds, selectors, services
from ..forms import CoauthorForm, DraftForm, EditForm
from .amendments import detail_context
from .common import about, recommendation_by_pk

CONTENT = ("title", "text", "general_interest", "cost_note", "feasibility_note")


@public_page(params=("page",))
@require_safe
def workshop_recommendations(request, slug: str):
    workshop = visible_workshop(request, slug)
    return render(
        request,
        "recommendations/workshop.html",
        {
            "workshop": workshop,
            "page_obj": selectors.recommendations_page(workshop, page=request.GET.get("page")),
            "can_draft": can(request.user, "recommendations.draft_recommendation", workshop),
            "cannot_draft_because": cannot_draft_because(request.user, workshop),
            "nav": "workshops",
        },
    )


def cannot_draft_because(user, workshop) -> dict:
    """Why `user` may not draft a recommendation of the workshop now, for the sentence that
    replaces the button: the phase first (nobody drafts outside it), then the account, then
    taking part. Reads only the prefetched phases and facilitators, and one participation."""
    phase = next((p for p in workshop.phases.all() if p.kind == PhaseKind.RECOMMENDATIONS), None)
    now = timezone.now()
    if workshop.status != workshop.Status.PUBLISHED or phase is None or not phase.is_active(now):
        if phase is not None and now < phase.starts_at:
            return {"reason": "phase_upcoming", "phase": phase}
        return {"reason": "phase_over", "phase": phase}
    if not user.is_authenticated:
        return {"reason": "log_in"}
    if not takes_part.test(user, workshop):
        return {"reason": "join"}
    return {}


@public_page
@require_safe
def recommendation_detail(request, pk: int):
    recommendation = recommendation_by_pk(pk)
    user = request.user
    if not can(user, "recommendations.view_recommendation", recommendation):
        raise Http404
    # The adoption (adoption_selectors.py): a closed online vote is settled on reading.
    adoption = adoption_selectors.recommendation_adoption(recommendation)
    if adoption is not None and adoption.decided_at and recommendation.status == "submitted":
        recommendation.refresh_from_db(fields=["status", "text", "version"])
    may_support = can(user, "recommendations.support_recommendation", recommendation)
    return about(
        request,
        "recommendations/detail.html",
        recommendation,
        may_support=may_support,
        supports=may_support and selectors.supports(recommendation, user),
        may_edit=can(user, "recommendations.change_recommendation", recommendation),
        may_add_coauthor=can(user, "recommendations.add_coauthor", recommendation),
        adoption=adoption,
        # What it builds on (grounds.py), from the prefetched links.
        grounds=grounds.lines_of(recommendation),
        **detail_context(user, recommendation),
    )


@require_http_methods(["GET", "POST"])
@allowed("recommendations.draft_recommendation", load=workshop_by_slug)
@limit_posts("recommendation-draft", limit=10)
def recommendation_draft(request, workshop):
    form = DraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def draft() -> str:
            recommendation = services.recommendation_draft(
                workshop=workshop,
                by=request.user,
                grounds=form.cleaned_data["grounds"],
                **{name: form.cleaned_data[name] for name in CONTENT},
            )
            return recommendation.get_absolute_url()

        response = submit_form_once(
            request,
            form,
            draft,
            done=_("Your recommendation is drafted. Other participants can now support it."),
            back=workshop.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(
        request,
        "recommendations/draft.html",
        {"workshop": workshop, "form": form, "nav": "workshops"},
    )


@require_http_methods(["GET", "POST"])
@allowed("recommendations.change_recommendation", load=recommendation_by_pk)
@limit_posts("recommendation-draft", limit=10)
def recommendation_edit(request, recommendation):
    form = EditForm(
        request.POST or None,
        initial={
            **{name: getattr(recommendation, name) for name in CONTENT},
            "grounds": grounds.grounds_text(recommendation),
        },
    )
    done = act_on_form(
        request,
        form,
        lambda data: services.recommendation_edit(
            recommendation=recommendation,
            by=request.user,
            grounds=data["grounds"],
            **{name: data[name] for name in CONTENT},
        ),
        done=_("The recommendation is saved."),
        then=recommendation.get_absolute_url(),
    )
    return done or about(request, "recommendations/edit.html", recommendation, form=form)


@require_http_methods(["GET", "POST"])
@allowed("recommendations.add_coauthor", load=recommendation_by_pk)
@limit_posts("recommendation-draft", limit=10)
def coauthor_add(request, recommendation):
    form = CoauthorForm(request.POST or None, choices=selectors.possible_coauthors(recommendation))
    done = act_on_form(
        request,
        form,
        lambda data: services.coauthor_add(
            recommendation=recommendation, user=data["user"], by=request.user
        ),
        done=_("The co-author is added: they can now change the recommendation."),
        then=recommendation.get_absolute_url(),
    )
    return done or about(request, "recommendations/coauthor.html", recommendation, form=form)


@require_POST
@allowed("recommendations.support_recommendation", load=recommendation_by_pk)
@limit_posts("recommendation-support", limit=20)
def support(request, recommendation):
    try:
        services.support_add(recommendation=recommendation, by=request.user)
    except ApplicationError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, _("You support this recommendation."))
    return redirect(recommendation.get_absolute_url())


@require_POST
@allowed("recommendations.support_recommendation", load=recommendation_by_pk)
@limit_posts("recommendation-support", limit=20)
def support_withdraw(request, recommendation):
    try:
        services.support_withdraw(recommendation=recommendation, by=request.user)
    except ApplicationError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, _("Your support is withdrawn."))
    return redirect(recommendation.get_absolute_url())
