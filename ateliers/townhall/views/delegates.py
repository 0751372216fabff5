"""A workshop's delegates to the town hall and its answer deadline: the public page (who the
delegates are and how they were chosen, a draw's tickets, the hearing, the deadline), the
participants volunteering or withdrawing, the team drawing or recording the elected delegates,
the city team setting the months to answer. A choice of delegates is final: confirmed first."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import act_on_form, posted
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import allowed, can
from ateliers.core.ratelimit import limit_posts
from ateliers.workshops.models import Workshop
from ateliers.workshops.views.loaders import visible_workshop, workshop_by_slug

from .. import answers, delegates
from .. import selectors_delegates as selectors
from ..forms_delegates import DeadlineForm, DrawForm, ElectForm
from ..models import DelegateMethod
from ..selectors import answer_months_of


def _page_of(workshop: Workshop) -> str:
    return reverse("townhall:delegates", args=[workshop.slug])


def volunteering_state(user, workshop: Workshop, *, allowed_now: bool) -> dict:
    """Whether `user` may volunteer now, or why not, for the sentence that replaces the
    button. Reads only the prefetched phases."""
    if allowed_now:
        return {"reason": "open"}
    phases = [phase for phase in workshop.ordered_phases if phase.allows("choose_delegates")]
    now = timezone.now()
    if not phases or workshop.status != Workshop.Status.PUBLISHED:
        return {"reason": "over"}
    if now < phases[0].starts_at:
        return {"reason": "upcoming", "starts_at": phases[0].starts_at}
    if now >= phases[-1].ends_at:
        return {"reason": "over"}
    if not user.is_authenticated:
        return {"reason": "log_in"}
    return {"reason": "participants_only"}


@public_page(params=("page",))
@require_safe
def delegates_page(request, slug: str):
    workshop = visible_workshop(request, slug)
    user = request.user
    delegation = selectors.delegation_of(workshop)
    drawn = delegation is not None and delegation.method == DelegateMethod.LOT
    may_volunteer = delegation is None and can(user, "townhall.volunteer_as_delegate", workshop)
    return render(
        request,
        "townhall/delegates/page.html",
        {
            "workshop": workshop,
            "delegation": delegation,
            "delegates": list(delegation.delegates.all()) if delegation else [],
            "tickets": selectors.draw_tickets(delegation, page=request.GET.get("page"))
            if drawn
            else None,
            "volunteers": len(delegation.candidates)
            if drawn
            else (selectors.volunteer_count(workshop) if delegation is None else None),
            "volunteering": volunteering_state(user, workshop, allowed_now=may_volunteer),
            "volunteered": may_volunteer and selectors.has_volunteered(workshop, user),
            "may_choose": delegation is None and can(user, "townhall.choose_delegates", workshop),
            "may_set_deadline": can(user, "townhall.answer_recommendation", workshop),
            "deadline": selectors.answer_deadline_of(workshop),
            "nav": "workshops",
        },
    )


@require_POST
@allowed("townhall.volunteer_as_delegate", load=workshop_by_slug)
@limit_posts("townhall-volunteer", limit=20)
def volunteer(request, workshop):
    try:
        delegates.volunteer(workshop=workshop, user=request.user)
    except ApplicationError as error:
        messages.info(request, str(error))
    else:
        messages.success(
            request,
            _("You volunteered: you may be drawn as one of the workshop's delegates."),
        )
    return redirect(_page_of(workshop))


@require_POST
@allowed("townhall.volunteer_as_delegate", load=workshop_by_slug)
@limit_posts("townhall-volunteer", limit=20)
def volunteer_withdraw(request, workshop):
    try:
        delegates.volunteer_withdraw(workshop=workshop, user=request.user)
    except ApplicationError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, _("You withdrew: you will not be drawn."))
    return redirect(_page_of(workshop))


def _already_chosen(request, workshop: Workshop):
    """Once the delegates are chosen, the forms are gone: back to the page, which says how."""
    if not selectors.is_chosen(workshop):
        return None
    messages.info(request, str(delegates.AlreadyChosen()))
    return redirect(_page_of(workshop))


@require_http_methods(["GET", "POST"])
@allowed("townhall.choose_delegates", load=workshop_by_slug)
@limit_posts("townhall-delegates", limit=10)
def delegates_draw(request, workshop):
    if (chosen := _already_chosen(request, workshop)) is not None:
        return chosen
    form = DrawForm(posted(request))
    done = act_on_form(
        request,
        form,
        lambda data: delegates.delegates_draw(
            actor=request.user, workshop=workshop, seats=data["seats"], seed=data["seed"] or None
        ),
        done=_("The delegates are drawn. The seed and every ticket are published below."),
        then=_page_of(workshop),
    )
    return done or render(
        request,
        "townhall/delegates/draw.html",
        {
            "workshop": workshop,
            "form": form,
            "volunteers": selectors.volunteer_count(workshop),
            "nav": "workshops",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("townhall.choose_delegates", load=workshop_by_slug)
@limit_posts("townhall-delegates", limit=10)
def delegates_elect(request, workshop):
    if (chosen := _already_chosen(request, workshop)) is not None:
        return chosen
    form = ElectForm(posted(request), workshop=workshop)
    done = act_on_form(
        request,
        form,
        lambda data: delegates.delegates_elect(
            actor=request.user, workshop=workshop, elected=data["elected"], note=data["note"] or ""
        ),
        done=_("The elected delegates are recorded."),
        then=_page_of(workshop),
    )
    return done or render(
        request,
        "townhall/delegates/elect.html",
        {"workshop": workshop, "form": form, "nav": "workshops"},
    )


@require_http_methods(["GET", "POST"])
@allowed("townhall.answer_recommendation", load=workshop_by_slug)
@limit_posts("townhall-deadline", limit=10)
def answer_deadline(request, workshop):
    form = DeadlineForm(posted(request), initial={"months": answer_months_of(workshop)})
    done = act_on_form(
        request,
        form,
        lambda data: answers.answer_deadline_set(
            actor=request.user, workshop=workshop, months=data["months"]
        ),
        done=_("The answer deadline is saved."),
        then=_page_of(workshop),
    )
    return done or render(
        request,
        "townhall/delegates/deadline.html",
        {"workshop": workshop, "form": form, "nav": "workshops"},
    )
