"""The follow-up of the recommendations ("Suivi des préconisations"): the public list with the
city's figures and its exports, a recommendation's road as a timeline, and the city team's
forms: the answer, milestones and their progress (also a council's submission's milestones)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.forms import act_on_form, posted
from ateliers.core.page_cache import kept_download, public_page
from ateliers.core.permissions import allowed, can, refuse
from ateliers.core.ratelimit import limit_posts
from ateliers.recommendations.models import Recommendation

from .. import answers, export, figures
from .. import selectors_followup as selectors
from ..forms_answers import AnswerForm, FollowupFilterForm, MilestoneForm, MilestoneUpdateForm
from ..models import Milestone

FILTERS = frozenset(FollowupFilterForm.base_fields)


def _querystring_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return f"{encoded}&" if encoded else ""


def _filters(request) -> FollowupFilterForm:
    form = FollowupFilterForm(request.GET)
    # Unknown values (a workshop that does not exist…) are dropped; the valid ones apply.
    form.is_valid()
    return form


@public_page(params=FILTERS | {"page"})
@require_safe
def followup(request):
    today = timezone.localdate()
    form = _filters(request)
    recommendations = selectors.filtered(form.cleaned_data, today=today)
    page_obj = Paginator(selectors.for_rows(recommendations), selectors.PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "townhall/followup/list.html",
        {
            "form": form,
            "is_filtered": any(form.cleaned_data.values()),
            "figures": figures.city_figures(recommendations, today=today),
            "page_obj": page_obj,
            "rows": selectors.rows_of(page_obj, today),
            "today": today,
            "querystring": request.GET.urlencode(),
            "querystring_without_page": _querystring_without_page(request),
            "nav": "followup",
        },
    )


def _export(request, lines, content_type: str, name: str):
    today = timezone.localdate()
    recommendations = selectors.filtered(_filters(request).cleaned_data, today=today)
    response = StreamingHttpResponse(lines(recommendations, today=today), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
@kept_download
def followup_csv(request):
    return _export(request, export.csv_lines, "text/csv; charset=utf-8", "suivi.csv")


@require_safe
@kept_download
def followup_json(request):
    return _export(request, export.json_chunks, "application/json", "suivi.json")


def adopted_recommendation(pk: int) -> Recommendation:
    try:
        return selectors.recommendation_for_road(pk)
    except Recommendation.DoesNotExist:
        raise Http404 from None


def _workshop_of(recommendation: Recommendation):
    return recommendation.workshop


def _road_page(recommendation: Recommendation) -> str:
    return reverse("townhall:followup_recommendation", args=[recommendation.pk])


@public_page
@require_safe
def followup_recommendation(request, pk: int):
    recommendation = adopted_recommendation(pk)
    user = request.user
    if not can(user, "recommendations.view_recommendation", recommendation):
        raise Http404
    may_answer = can(user, "townhall.answer_recommendation", recommendation.workshop)
    answer = selectors.answer_of(recommendation)
    return render(
        request,
        "townhall/followup/recommendation.html",
        {
            "recommendation": recommendation,
            "workshop": recommendation.workshop,
            "steps": selectors.road_of_recommendation(recommendation),
            "may_answer": may_answer,
            "may_add_milestone": may_answer and answer is not None and answer.commits,
            "answer_url": reverse("townhall:answer_recommendation", args=[recommendation.pk]),
            "milestone_add_url": reverse("townhall:milestone_add", args=[recommendation.pk]),
            "answer": answer,
            "nav": "followup",
        },
    )


def answer_page(request, *, subject, answer, save, back: str, kind: str):
    """The answer's form, for a recommendation or a council's submission."""
    initial = {}
    if answer is not None:
        initial = {
            "status": answer.status,
            "justification": answer.justification,
            "service": answer.service,
            "elected_official": answer.elected_official,
            "session": answer.session_id,
        }
    form = AnswerForm(posted(request), initial=initial)
    done = act_on_form(
        request,
        form,
        lambda data: save(
            actor=request.user,
            status=data["status"],
            justification=data["justification"] or "",
            service=data["service"],
            elected_official=data["elected_official"],
            session=data["session"],
        ),
        done=_("The city's answer is published; the people concerned are told by e-mail."),
        then=back,
    )
    return done or render(
        request,
        "townhall/followup/answer_form.html",
        {
            "form": form,
            "subject": subject,
            "answer": answer,
            "back": back,
            "kind": kind,
            "nav": "followup",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("townhall.answer_recommendation", load=adopted_recommendation, on=_workshop_of)
@limit_posts("townhall-answer", limit=20)
def answer_recommendation(request, recommendation):
    return answer_page(
        request,
        subject=recommendation,
        answer=selectors.answer_of(recommendation),
        save=lambda **values: answers.answer_save(recommendation=recommendation, **values),
        back=_road_page(recommendation),
        kind="recommendation",
    )


def milestone_page(request, *, answer, subject, back: str):
    """The form adding a milestone to an answer that commits the city."""
    if answer is None or not answer.commits:
        messages.info(
            request,
            _("Milestones follow an accepted or partially accepted recommendation."),
        )
        return redirect(back)
    form = MilestoneForm(posted(request))
    done = act_on_form(
        request,
        form,
        lambda data: answers.milestone_add(
            actor=request.user,
            answer=answer,
            title=data["title"],
            target_date=data["target_date"],
        ),
        done=_("The milestone is added to the follow-up."),
        then=back,
    )
    return done or render(
        request,
        "townhall/followup/milestone_form.html",
        {"form": form, "subject": subject, "back": back, "nav": "followup"},
    )


@require_http_methods(["GET", "POST"])
@allowed("townhall.answer_recommendation", load=adopted_recommendation, on=_workshop_of)
@limit_posts("townhall-answer", limit=20)
def milestone_add(request, recommendation):
    return milestone_page(
        request,
        answer=selectors.answer_of(recommendation),
        subject=recommendation,
        back=_road_page(recommendation),
    )


def _milestone(pk: int) -> Milestone:
    return get_object_or_404(
        Milestone.objects.select_related(
            "answer__recommendation__workshop", "answer__submission"
        ).prefetch_related(
            "answer__recommendation__workshop__phases",
            "answer__recommendation__workshop__facilitators",
        ),
        pk=pk,
    )


@require_http_methods(["GET", "POST"])
@limit_posts("townhall-answer", limit=20)
def milestone_update(request, pk: int):
    """A milestone's progress: the city team of the recommendation's workshop, or the town
    hall's team for a council's submission."""
    milestone = _milestone(pk)
    answer = milestone.answer
    if answer.recommendation_id:
        subject = answer.recommendation
        allowed_here = can(request.user, "townhall.answer_recommendation", subject.workshop)
        back = _road_page(subject)
    else:
        subject = answer.submission
        allowed_here = can(request.user, "townhall.manage_townhall")
        back = subject.get_absolute_url()
    if not allowed_here:
        return refuse(request)
    form = MilestoneUpdateForm(
        posted(request),
        initial={"status": milestone.status, "progress": milestone.progress},
    )
    done = act_on_form(
        request,
        form,
        lambda data: answers.milestone_update(
            actor=request.user,
            milestone=milestone,
            status=data["status"],
            progress=data["progress"],
            note=data["note"] or "",
        ),
        done=_("The progress is published; the people concerned are told by e-mail."),
        then=back,
    )
    return done or render(
        request,
        "townhall/followup/milestone_update.html",
        {
            "form": form,
            "milestone": milestone,
            "subject": subject,
            "back": back,
            "nav": "followup",
        },
    )
