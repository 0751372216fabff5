"""The amendments' and versions' pages: propose an amendment, accept it (after a confirmation)
or reject it (with the reason), put a rejected one to the adoption, all the amendments of a
recommendation, and its versions compared two by two. Plain forms and redirects: all of it
works without JavaScript."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import act_on_form
from ateliers.core.once import submit_form_once
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import allowed, can
from ateliers.core.ratelimit import limit_posts

from .. import amendment_selectors, amendments
from ..amendment_forms import AmendmentForm, CompareForm, RejectForm
from ..diff import diff_html
from ..models import Amendment, AmendmentStatus
from .common import about, recommendation_by_pk

TEMPLATES = "recommendations/amendments/"
# The fields of a version compared on the versions' page, in the order of the recommendation's.
COMPARED = {
    "title": gettext_lazy("Title"),
    "text": gettext_lazy("The recommendation"),
    "general_interest": gettext_lazy("The general interest it serves"),
    "cost_note": gettext_lazy("Cost"),
    "feasibility_note": gettext_lazy("Feasibility"),
}


def amendment_by_pk(pk: int) -> Amendment:
    try:
        return amendment_selectors.amendment_for_page(pk=pk)
    except Amendment.DoesNotExist:
        raise Http404 from None


def _anchor(amendment: Amendment) -> str:
    return f"{amendment.recommendation.get_absolute_url()}#amendement-{amendment.pk}"


def detail_context(user, recommendation) -> dict:
    """What the recommendation's page shows of its amendments (recommendation_detail)."""
    shown, more = amendment_selectors.amendments_for_page(recommendation)
    for amendment in shown:
        amendment.may_put_to_vote = can(user, "recommendations.put_amendment_to_vote", amendment)
    return {
        "amendments": shown,
        "more_amendments": more,
        "may_propose": can(user, "recommendations.propose_amendment", recommendation),
        "may_answer": can(user, "recommendations.answer_amendment", recommendation),
    }


def _with_difference(amendment: Amendment) -> Amendment:
    return amendment_selectors.with_differences(amendment.recommendation, [amendment])[0]


@require_http_methods(["GET", "POST"])
@allowed("recommendations.propose_amendment", load=recommendation_by_pk)
@limit_posts("amendment-propose", limit=10)
def amendment_propose(request, recommendation):
    form = AmendmentForm(request.POST or None, initial={"text": recommendation.text})
    if request.method == "POST" and form.is_valid():

        def propose() -> str:
            amendment = amendments.amendment_propose(
                recommendation=recommendation,
                by=request.user,
                text=form.cleaned_data["text"],
                reason=form.cleaned_data["reason"],
            )
            return _anchor(amendment)

        response = submit_form_once(
            request,
            form,
            propose,
            done=_("Your amendment is proposed. The authors of the recommendation will answer it."),
            back=recommendation.get_absolute_url(),
        )
        if response is not None:
            return response
    return about(request, TEMPLATES + "propose.html", recommendation, form=form)


def _answered_already(request, amendment):
    if amendment.status == AmendmentStatus.PENDING:
        return None
    messages.info(request, str(amendments.AlreadyAnswered()))
    return redirect(_anchor(amendment))


@require_http_methods(["GET", "POST"])
@allowed("recommendations.answer_amendment", load=amendment_by_pk)
@limit_posts("amendment-answer", limit=20)
def amendment_accept(request, amendment):
    """A confirmation page (GET) showing the difference, then the acceptance (POST)."""
    if request.method == "POST":
        try:
            accepted = amendments.amendment_accept(amendment=amendment, by=request.user)
        except ApplicationError as error:
            messages.error(request, str(error))
            return redirect(_anchor(amendment))
        messages.success(
            request,
            _("The amendment is accepted: it is version %(number)s of the recommendation.")
            % {"number": accepted.made_version},
        )
        return redirect(_anchor(amendment))
    recommendation = amendment.recommendation
    # Written against an older version: accepting replaces the whole current text, so the
    # page also shows what would change from the current version.
    from_current = (
        diff_html(recommendation.text, amendment.text)
        if amendment.base_version < recommendation.version
        else None
    )
    return _answered_already(request, amendment) or about(
        request,
        TEMPLATES + "accept.html",
        recommendation,
        amendment=_with_difference(amendment),
        from_current=from_current,
    )


@require_http_methods(["GET", "POST"])
@allowed("recommendations.answer_amendment", load=amendment_by_pk)
@limit_posts("amendment-answer", limit=20)
def amendment_reject(request, amendment):
    if request.method == "GET" and (answered := _answered_already(request, amendment)):
        return answered
    form = RejectForm(request.POST or None)
    done = act_on_form(
        request,
        form,
        lambda data: amendments.amendment_reject(
            amendment=amendment, by=request.user, reason=data["reason"]
        ),
        done=_("The amendment is rejected. Its author may ask that it be put to the adoption."),
        then=_anchor(amendment),
    )
    return done or about(
        request,
        TEMPLATES + "reject.html",
        amendment.recommendation,
        amendment=_with_difference(amendment),
        form=form,
    )


@require_POST
@allowed("recommendations.put_amendment_to_vote", load=amendment_by_pk)
@limit_posts("amendment-answer", limit=20)
def amendment_put_to_vote(request, amendment):
    try:
        amendments.amendment_put_to_vote(amendment=amendment, by=request.user)
    except ApplicationError as error:
        messages.info(request, str(error))
    else:
        messages.success(
            request,
            _("The amendment will be put to the adoption on its own, next to the recommendation."),
        )
    return redirect(_anchor(amendment))


def _visible(request, pk: int):
    recommendation = recommendation_by_pk(pk)
    if not can(request.user, "recommendations.view_recommendation", recommendation):
        raise Http404
    return recommendation


@public_page(params=("page",))
@require_safe
def amendment_list(request, pk: int):
    recommendation = _visible(request, pk)
    page_obj = amendment_selectors.amendments_page(recommendation, page=request.GET.get("page"))
    return about(request, TEMPLATES + "list.html", recommendation, page_obj=page_obj)


@public_page(params=("de", "a"))
@require_safe
def versions(request, pk: int):
    """Every version of the recommendation, and two of them compared (by default the one
    before the latest and the latest)."""
    recommendation = _visible(request, pk)
    listed = list(recommendation.versions.all())  # newest first, prefetched
    by_number = {version.number: version for version in listed}
    numbers = sorted(by_number)
    latest = numbers[-1] if numbers else None
    default_from = numbers[-2] if len(numbers) > 1 else latest
    form = CompareForm(request.GET or None, numbers=numbers)
    before = after = None
    if form.is_bound and form.is_valid():
        before = by_number.get(form.cleaned_data["de"] or default_from)
        after = by_number.get(form.cleaned_data["a"] or latest)
    elif not form.is_bound:
        before, after = by_number.get(default_from), by_number.get(latest)
        form = CompareForm(initial={"de": default_from, "a": latest}, numbers=numbers)
    differences = []
    if before is not None and after is not None:
        for name, label in COMPARED.items():
            old, new = getattr(before, name), getattr(after, name)
            if old != new:
                differences.append({"label": label, "html": diff_html(old, new)})
    return about(
        request,
        TEMPLATES + "versions.html",
        recommendation,
        versions=listed,
        form=form,
        before=before,
        after=after,
        differences=differences,
    )
