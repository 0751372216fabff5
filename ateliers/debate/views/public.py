"""The debate's pages: a workshop's topics, a topic with its contributions, the for and
against columns, a contribution with its replies, posting, replying, changing and deleting
one's own words, reporting, asking for a review, and the public moderation log."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import act_on_form, add_service_errors
from ateliers.core.once import submit_form_once
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import allowed, can
from ateliers.core.ratelimit import limit_posts
from ateliers.workshops.views.loaders import visible_workshop

from .. import selectors, services
from ..forms import (
    ContributionForm,
    EditForm,
    KindFilter,
    ReplyForm,
    ReportForm,
    ReviewForm,
)
from ..models import Contribution, Topic


def topic_by_pk(pk: int) -> Topic:
    try:
        return selectors.topic_for_page(pk=pk)
    except Topic.DoesNotExist:
        raise Http404 from None


def contribution_by_pk(pk: int) -> Contribution:
    try:
        return selectors.contribution_for_page(pk=pk)
    except Contribution.DoesNotExist:
        raise Http404 from None


def _visible_topic(request, pk: int) -> Topic:
    topic = topic_by_pk(pk)
    if not can(request.user, "debate.view_topic", topic):
        raise Http404
    return topic


def _visible_contribution(request, pk: int) -> Contribution:
    contribution = contribution_by_pk(pk)
    if not can(request.user, "debate.view_topic", contribution.topic):
        raise Http404
    return contribution


def about(request, template: str, contribution: Contribution, **context):
    """A page about one contribution, in its topic and workshop."""
    topic = contribution.topic
    return render(
        request,
        template,
        {
            "contribution": contribution,
            "topic": topic,
            "workshop": topic.workshop,
            "nav": "workshops",
            **context,
        },
    )


@public_page(params=("page",))
@require_safe
def workshop_debate(request, slug: str):
    workshop = visible_workshop(request, slug)
    return render(
        request,
        "debate/workshop.html",
        {
            "workshop": workshop,
            "page_obj": selectors.topics_page(workshop, page=request.GET.get("page")),
            "can_open": can(request.user, "debate.open_topic", workshop),
            "can_moderate": can(request.user, "debate.moderate_debate", workshop),
            "nav": "workshops",
        },
    )


@public_page(params=("page", "sorte"))
@require_safe
def topic_detail(request, pk: int):
    topic = _visible_topic(request, pk)
    shown = KindFilter(request.GET)
    kind = shown.cleaned_data["sorte"] if shown.is_valid() else ""
    user = request.user
    may_post = can(user, "debate.post_contribution", topic)
    page = selectors.contributions_page(topic, page=request.GET.get("page"), kind=kind)
    selectors.mark_for_reader(user, page.object_list, now=timezone.now())
    return render(
        request,
        "debate/topic.html",
        {
            "topic": topic,
            "workshop": topic.workshop,
            "page_obj": page,
            "querystring_without_page": f"sorte={kind}&" if kind else "",
            "kind": kind,
            "kind_filter": shown,
            "form": ContributionForm() if may_post else None,
            "why_not": "" if may_post else selectors.why_one_cannot_post(user, topic),
            # Asked once for the page, not for each contribution.
            "may_reply": can(user, "debate.reply_in_topic", topic),
            "may_moderate": can(user, "debate.moderate_debate", topic.workshop),
            "can_conclude": can(user, "debate.conclude_topic", topic),
            "nav": "workshops",
        },
    )


@public_page
@require_safe
def topic_columns(request, pk: int):
    topic = _visible_topic(request, pk)
    return render(
        request,
        "debate/columns.html",
        {
            "topic": topic,
            "workshop": topic.workshop,
            "columns": selectors.for_and_against(topic),
            "nav": "workshops",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("debate.post_contribution", load=topic_by_pk)
@limit_posts("debate-post", limit=10)
def topic_post(request, topic):
    form = ContributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def post() -> str:
            contribution = services.contribution_post(
                topic=topic,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                by=request.user,
                language=get_language(),
            )
            return contribution.get_absolute_url()

        response = submit_form_once(
            request,
            form,
            post,
            done=_("Your contribution is posted."),
            back=topic.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(
        request,
        "debate/post.html",
        {"topic": topic, "workshop": topic.workshop, "form": form, "nav": "workshops"},
    )


@public_page(params=("page",))
@require_safe
def contribution_detail(request, pk: int):
    contribution = _visible_contribution(request, pk)
    if contribution.parent_id:
        # A reply is shown on its contribution's page, at its place.
        return redirect(contribution.parent.get_absolute_url() + f"#contribution-{contribution.pk}")
    user = request.user
    may_reply = can(user, "debate.reply_to_contribution", contribution)
    replies = selectors.replies_page(contribution, page=request.GET.get("page"))
    selectors.mark_for_reader(user, [contribution, *replies.object_list], now=timezone.now())
    return about(
        request,
        "debate/contribution.html",
        contribution,
        page_obj=replies,
        form=ReplyForm() if may_reply else None,
        may_moderate=can(user, "debate.moderate_contribution", contribution),
        can_ask_review=can(user, "debate.ask_for_review", contribution),
    )


@require_http_methods(["GET", "POST"])
@allowed("debate.reply_to_contribution", load=contribution_by_pk)
@limit_posts("debate-post", limit=10)
def contribution_reply(request, contribution):
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def reply() -> str:
            answer = services.contribution_reply(
                parent=contribution,
                text=form.cleaned_data["text"],
                by=request.user,
                language=get_language(),
            )
            return answer.get_absolute_url()

        response = submit_form_once(
            request,
            form,
            reply,
            done=_("Your reply is posted."),
            back=contribution.get_absolute_url(),
        )
        if response is not None:
            return response
    return about(request, "debate/reply.html", contribution, form=form)


@require_http_methods(["GET", "POST"])
@allowed("debate.change_contribution", load=contribution_by_pk)
@limit_posts("debate-post", limit=10)
def contribution_edit(request, contribution):
    form = EditForm(request.POST or None, initial={"text": contribution.text})
    done = act_on_form(
        request,
        form,
        lambda data: services.contribution_edit(
            contribution=contribution, text=data["text"], by=request.user
        ),
        done=_("Your contribution is changed."),
        then=contribution.get_absolute_url(),
    )
    return done or about(
        request,
        "debate/edit.html",
        contribution,
        form=form,
        deadline=services.edit_deadline(contribution),
    )


@require_http_methods(["GET", "POST"])
@allowed("debate.delete_contribution", load=contribution_by_pk)
def contribution_delete(request, contribution):
    if request.method == "POST":
        try:
            services.contribution_delete(contribution=contribution, by=request.user)
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your contribution is deleted; its replies stay."))
        return redirect(contribution.get_absolute_url())
    return about(request, "debate/delete.html", contribution)


@require_http_methods(["GET", "POST"])
@allowed("debate.report_contribution", load=contribution_by_pk)
@limit_posts("debate-report", limit=10)
def contribution_report(request, contribution):
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_report(
                contribution=contribution,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
                by=request.user,
            )
        except services.AlreadyReported as error:
            messages.info(request, str(error))
            return redirect(contribution.get_absolute_url())
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Thank you: the moderators of this workshop will look at it.")
            )
            return redirect(contribution.get_absolute_url())
    return about(
        request,
        "debate/report.html",
        contribution,
        form=form,
        reports_to_hide=services.reports_to_hide(),
    )


@require_http_methods(["GET", "POST"])
@allowed("debate.ask_for_review", load=contribution_by_pk)
@limit_posts("debate-report", limit=10)
def review_ask(request, contribution):
    form = ReviewForm(request.POST or None)
    done = act_on_form(
        request,
        form,
        lambda data: services.review_ask(
            contribution=contribution, message=data["message"], by=request.user
        ),
        done=_("Your request is sent to the moderators."),
        then=contribution.get_absolute_url(),
    )
    return done or about(request, "debate/review.html", contribution, form=form)


@public_page(params=("page",))
@require_safe
def moderation_log(request, slug: str):
    workshop = visible_workshop(request, slug)
    return render(
        request,
        "debate/moderation_log.html",
        {
            "workshop": workshop,
            "page_obj": selectors.moderation_log(workshop, page=request.GET.get("page")),
            "now": timezone.now(),
            "nav": "workshops",
        },
    )
