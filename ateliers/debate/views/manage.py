"""Pages of the workshop's team: open a topic, pin its synthesis, close it; the moderation
queue; hide or restore a contribution."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.forms import act_on_form
from ateliers.core.once import submit_form_once
from ateliers.core.permissions import allowed
from ateliers.core.ratelimit import limit_posts
from ateliers.workshops.views.manage import managed_workshop

from .. import selectors, services
from ..forms import CloseForm, HideForm, RestoreForm, SynthesisForm, TopicForm
from ..models import VISIBLE_STATES, Moderation
from .public import about, contribution_by_pk, topic_by_pk


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


def _about_topic(request, template: str, topic, form):
    return render(
        request,
        template,
        {"topic": topic, "workshop": topic.workshop, "form": form, "nav": "workshops"},
    )


@require_http_methods(["GET", "POST"])
@allowed("debate.conclude_topic", load=topic_by_pk)
def topic_synthesis(request, topic):
    form = SynthesisForm(request.POST or None, initial={"synthesis": topic.synthesis})
    done = act_on_form(
        request,
        form,
        lambda data: services.topic_set_synthesis(
            topic=topic, synthesis=data["synthesis"], by=request.user
        ),
        done=_("The synthesis is pinned at the top of the topic."),
        then=topic.get_absolute_url(),
    )
    return done or _about_topic(request, "debate/synthesis.html", topic, form)


@require_http_methods(["GET", "POST"])
@allowed("debate.conclude_topic", load=topic_by_pk)
def topic_close(request, topic):
    form = CloseForm(request.POST or None)
    done = act_on_form(
        request,
        form,
        lambda data: services.topic_close(
            topic=topic, conclusion=data["conclusion"], by=request.user
        ),
        done=_("The topic is closed with its conclusion."),
        then=topic.get_absolute_url(),
    )
    return done or _about_topic(request, "debate/close.html", topic, form)


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
    # Two forms on the page: the button pressed says which one was sent.
    if "hide" in request.POST:
        form, decide = hide_form, services.contribution_hide
        said = _("The contribution is hidden; its author is told why by e-mail.")
    else:
        form, decide = restore_form, services.contribution_restore
        said = _("The contribution is visible again.")
    done = act_on_form(
        request,
        form,
        lambda data: decide(contribution=contribution, reason=data["reason"], by=request.user),
        done=said,
        then=contribution.get_absolute_url(),
    )
    return done or about(
        request,
        "debate/moderate.html",
        contribution,
        hide_form=hide_form if hiding else None,
        restore_form=restore_form if not visible else None,
        answers_review=answers_review,
    )
