"""Pages of the workshop's team: open a topic, pin its synthesis, close it; the moderation
queue; hide or restore a contribution."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors
from ateliers.core.once import submit_form_once
from ateliers.core.permissions import allowed
from ateliers.core.ratelimit import limit_posts
from ateliers.workshops.views.manage import managed_workshop

from .. import selectors, services
from ..forms import CloseForm, HideForm, RestoreForm, SynthesisForm, TopicForm
from ..models import VISIBLE_STATES, Moderation
from .public import contribution_by_pk, topic_by_pk


@require_http_methods(["GET", "POST"])
@allowed("debate.open_topic", load=managed_workshop)
@limit_posts("debate-topic", limit=20)
def topic_open(request, workshop):
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def open_topic() -> str:
            topic = services.topic_open(workshop=workshop, by=request.user, **_values(form))
            return topic.get_absolute_url()

        response = submit_form_once(
            request,
            form,
            open_topic,
            done=_("The topic is open: participants can post in it."),
            back=workshop.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(
        request, "debate/topic_form.html", {"workshop": workshop, "form": form, "nav": "workshops"}
    )


def _values(form) -> dict:
    return {"title": form.cleaned_data["title"], "description": form.cleaned_data["description"]}


@require_http_methods(["GET", "POST"])
@allowed("debate.conclude_topic", load=topic_by_pk)
def topic_synthesis(request, topic):
    form = SynthesisForm(request.POST or None, initial={"synthesis": topic.synthesis})
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_set_synthesis(
                topic=topic, synthesis=form.cleaned_data["synthesis"], by=request.user
            )
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The synthesis is pinned at the top of the topic."))
            return redirect(topic.get_absolute_url())
    return render(
        request,
        "debate/synthesis.html",
        {"topic": topic, "workshop": topic.workshop, "form": form, "nav": "workshops"},
    )


@require_http_methods(["GET", "POST"])
@allowed("debate.conclude_topic", load=topic_by_pk)
def topic_close(request, topic):
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_close(
                topic=topic, conclusion=form.cleaned_data["conclusion"], by=request.user
            )
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The topic is closed with its conclusion."))
            return redirect(topic.get_absolute_url())
    return render(
        request,
        "debate/close.html",
        {"topic": topic, "workshop": topic.workshop, "form": form, "nav": "workshops"},
    )


@require_safe
@allowed("debate.moderate_debate", load=managed_workshop)
def moderation_queue(request, workshop):
    return render(
        request,
        "debate/queue.html",
        {
            "workshop": workshop,
            "contributions": selectors.to_moderate(workshop),
            "nav": "workshops",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("debate.moderate_contribution", load=contribution_by_pk)
@limit_posts("debate-moderate", limit=60)
def contribution_moderate(request, contribution):
    visible = contribution.moderation in VISIBLE_STATES
    answers_review = bool(contribution.review_requested_at and not contribution.review_answered_at)
    hiding = contribution.moderation != Moderation.HIDDEN or answers_review
    hide_form = HideForm(request.POST if "hide" in request.POST else None, prefix="hide")
    restore_form = RestoreForm(
        request.POST if "restore" in request.POST else None, prefix="restore"
    )
    if request.method == "POST":
        form, action = (
            (hide_form, services.contribution_hide)
            if "hide" in request.POST
            else (restore_form, services.contribution_restore)
        )
        if form.is_valid():
            try:
                action(
                    contribution=contribution, reason=form.cleaned_data["reason"], by=request.user
                )
            except ApplicationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The contribution is hidden; its author is told why by e-mail.")
                    if form is hide_form
                    else _("The contribution is visible again."),
                )
                return redirect(contribution.get_absolute_url())
    return render(
        request,
        "debate/moderate.html",
        {
            "contribution": contribution,
            "topic": contribution.topic,
            "workshop": contribution.topic.workshop,
            "hide_form": hide_form if hiding else None,
            "restore_form": restore_form if not visible else None,
            "answers_review": answers_review,
            "nav": "workshops",
        },
    )
