"""The adoption's pages: the workshop's adoption (results for everyone, forms for its team, the
online votes for its participants), opening it, recording how something was decided, voting,
and recording a dissenting opinion. Irreversible actions are confirmed first."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors, posted
from ateliers.core.once import submit_form_once
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import allowed, can
from ateliers.core.ratelimit import limit_posts
from ateliers.meetings.models import Meeting
from ateliers.workshops.views.loaders import visible_workshop, workshop_by_slug

from .. import adoption as services
from .. import adoption_selectors as selectors
from ..adoption_forms import ConfirmForm, DissentForm, RecordForm, VoteForm
from ..models import Adoption, Amendment, Recommendation


def _page_of(workshop) -> str:
    return reverse("recommendations:adoption", args=[workshop.slug])


def _workshop_of(target):
    return target.recommendation.workshop


# Kept whole for visitors: a closed vote is settled by the next signed-in reader or once the
# kept page expires, and the count of voters may be a minute old.
@public_page
@require_safe
def adoption_page(request, slug: str):
    workshop = visible_workshop(request, slug)
    user = request.user
    opening = selectors.opening_of(workshop)
    return render(
        request,
        "recommendations/adoption/page.html",
        {
            "workshop": workshop,
            "opening": opening,
            "items": selectors.adoption_items(workshop, user=user) if opening else [],
            "may_open": opening is None and can(user, "recommendations.open_adoption", workshop),
            "may_record": opening is not None
            and can(user, "recommendations.record_adoption", workshop),
            "may_dissent": opening is not None
            and can(user, "recommendations.record_dissent", workshop),
            "may_vote": opening is not None
            and can(user, "recommendations.vote_adoption", workshop),
            "nav": "workshops",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("recommendations.open_adoption", load=workshop_by_slug)
@limit_posts("recommendation-adoption", limit=10)
def adoption_open(request, workshop):
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.adoption_open(workshop=workshop, by=request.user)
        except ApplicationError as error:
            messages.info(request, str(error))
        else:
            messages.success(
                request,
                _("The adoption is open: the recommendations are frozen and can now be decided."),
            )
        return redirect(_page_of(workshop))
    drafts, amendments = selectors.counts_to_decide(workshop)
    return render(
        request,
        "recommendations/adoption/open.html",
        {
            "workshop": workshop,
            "form": form,
            "drafts": drafts,
            "amendments": amendments,
            "already_open": services.is_open(workshop),
            "nav": "workshops",
        },
    )


def _load_recommendation(pk: int) -> Recommendation:
    return get_object_or_404(
        Recommendation.objects.select_related("workshop").prefetch_related(
            "workshop__phases", "workshop__facilitators"
        ),
        pk=pk,
    )


def _load_amendment(pk: int) -> Amendment:
    return get_object_or_404(
        Amendment.objects.filter(put_to_vote=True)
        .select_related("recommendation__workshop", "author")
        .prefetch_related(
            "recommendation__workshop__phases", "recommendation__workshop__facilitators"
        ),
        pk=pk,
    )


def _record(request, recommendation: Recommendation, amendment: Amendment | None):
    workshop = recommendation.workshop
    form = RecordForm(
        posted(request),
        meetings=Meeting.objects.filter(workshop=workshop).order_by("starts_at", "pk"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.adoption_record(
                recommendation=recommendation,
                amendment=amendment,
                by=request.user,
                method=data["method"],
                adopted=data["adopted"],
                meeting=data["meeting"],
                votes_for=data["votes_for"],
                votes_against=data["votes_against"],
                abstentions=data["abstentions"],
                vote_opens_at=data["vote_opens_at"],
                vote_closes_at=data["vote_closes_at"],
                note=data["note"] or "",
            )
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("How it was decided is recorded."))
            return redirect(_page_of(workshop))
    return render(
        request,
        "recommendations/adoption/record.html",
        {
            "workshop": workshop,
            "recommendation": recommendation,
            "amendment": amendment,
            "form": form,
            "nav": "workshops",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("recommendations.record_adoption", load=_load_recommendation, on=lambda r: r.workshop)
@limit_posts("recommendation-adoption", limit=20)
def record_recommendation(request, recommendation):
    return _record(request, recommendation, None)


@require_http_methods(["GET", "POST"])
@allowed("recommendations.record_adoption", load=_load_amendment, on=_workshop_of)
@limit_posts("recommendation-adoption", limit=20)
def record_amendment(request, amendment):
    return _record(request, amendment.recommendation, amendment)


def _load_adoption(pk: int) -> Adoption:
    try:
        return selectors.adoption_for_page(pk=pk)
    except Adoption.DoesNotExist:
        raise Http404 from None


@require_POST
@allowed("recommendations.vote_adoption", load=_load_adoption, on=_workshop_of)
@limit_posts("recommendation-vote", limit=20)
def vote(request, adoption):
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose for, against or abstain."))
    else:
        try:
            services.ballot_cast(
                adoption=adoption, by=request.user, choice=form.cleaned_data["choice"]
            )
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your vote is counted. Nobody can see what you voted."))
    workshop = adoption.recommendation.workshop
    return redirect(f"{_page_of(workshop)}#adoption-{adoption.pk}")


@require_http_methods(["GET", "POST"])
@allowed("recommendations.record_dissent", load=_load_adoption, on=_workshop_of)
@limit_posts("recommendation-adoption", limit=20)
def dissent(request, adoption):
    workshop = adoption.recommendation.workshop
    form = DissentForm(posted(request))
    if request.method == "POST" and form.is_valid():

        def save() -> str:
            services.dissent_record(
                adoption=adoption,
                by=request.user,
                text=form.cleaned_data["text"],
                held_by=form.cleaned_data["held_by"] or "",
            )
            return f"{_page_of(workshop)}#adoption-{adoption.pk}"

        response = submit_form_once(
            request,
            form,
            save,
            done=_("The dissenting opinion is recorded."),
            back=_page_of(workshop),
        )
        if response is not None:
            return response
    return render(
        request,
        "recommendations/adoption/dissent.html",
        {"workshop": workshop, "adoption": adoption, "form": form, "nav": "workshops"},
    )
