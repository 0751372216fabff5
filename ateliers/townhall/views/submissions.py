"""The permanent councils' submissions to the town hall: the public list and each one's road
(on an agenda, heard, answered, its milestones), and the town hall team's forms to record one,
answer it and follow it with milestones."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.once import submit_form_once
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import allowed, can
from ateliers.core.ratelimit import limit_posts

from .. import answers, services
from .. import selectors_followup as selectors
from ..forms_answers import SubmissionForm
from ..models import CouncilSubmission
from .followup import answer_page, milestone_page, posted

PER_PAGE = 50


@public_page(params={"page"})
@require_safe
def submission_list(request):
    submissions = CouncilSubmission.objects.select_related("council", "answer").order_by(
        "-submitted_at", "-pk"
    )
    return render(
        request,
        "townhall/submissions/list.html",
        {
            "page_obj": Paginator(submissions, PER_PAGE).get_page(request.GET.get("page")),
            "querystring_without_page": "",
            "may_create": can(request.user, "townhall.manage_townhall"),
            "nav": "followup",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("townhall.manage_townhall")
@limit_posts("townhall-submission", limit=10)
def submission_create(request):
    form = SubmissionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def create() -> str:
            return services.submission_create(
                actor=request.user,
                council=data["council"],
                kind=data["kind"],
                title=data["title"],
                text=data["text"],
                answer_months=data["answer_months"],
            ).get_absolute_url()

        response = submit_form_once(
            request,
            form,
            create,
            done=_("The submission is recorded: it can now go on a session's agenda."),
            back=request.path,
        )
        if response is not None:
            return response
    return render(request, "townhall/submissions/create.html", {"form": form, "nav": "followup"})


def submission_by_pk(pk: int) -> CouncilSubmission:
    try:
        return selectors.submission_for_road(pk)
    except CouncilSubmission.DoesNotExist:
        raise Http404 from None


@public_page
@require_safe
def submission_detail(request, pk: int):
    submission = submission_by_pk(pk)
    may_answer = can(request.user, "townhall.manage_townhall")
    answer = selectors.answer_of_submission(submission)
    return render(
        request,
        "townhall/submissions/detail.html",
        {
            "submission": submission,
            "steps": selectors.road_of_submission(submission),
            "answer": answer,
            "may_answer": may_answer,
            "may_add_milestone": may_answer and answer is not None and answer.commits,
            "nav": "followup",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("townhall.manage_townhall", load=submission_by_pk, on=lambda submission: None)
@limit_posts("townhall-answer", limit=20)
def answer_submission(request, submission):
    return answer_page(
        request,
        subject=submission,
        answer=selectors.answer_of_submission(submission),
        save=lambda **values: answers.answer_save(submission=submission, **values),
        back=submission.get_absolute_url(),
        kind="submission",
    )


@require_http_methods(["GET", "POST"])
@allowed("townhall.manage_townhall", load=submission_by_pk, on=lambda submission: None)
@limit_posts("townhall-answer", limit=20)
def submission_milestone_add(request, submission):
    return milestone_page(
        request,
        answer=selectors.answer_of_submission(submission),
        subject=submission,
        back=submission.get_absolute_url(),
    )
