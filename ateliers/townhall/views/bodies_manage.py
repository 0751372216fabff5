"""Pages where the city team runs the town hall's bodies: a body and its members, its
sessions, their agendas and outcomes. Each action has its own address and a plain form (POST,
then a redirect); what destroys something asks first on a page of its own. The rules decide
who (townhall.manage_townhall, and townhall.put_dossier_on_agenda for a workshop's dossier);
the services decide what the law and the dates allow."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import act_on_form
from ateliers.core.once import submit_form_once
from ateliers.core.permissions import allowed, can, refuse
from ateliers.core.ratelimit import limit_posts

from .. import selectors_bodies as selectors
from .. import services
from ..forms_bodies import (
    BodyForm,
    ItemForm,
    ItemOutcomeForm,
    MemberForm,
    SessionForm,
    SessionOutcomeForm,
)
from ..models import AgendaItem, Body, BodyMember, ItemKind, Session

MANAGE = "townhall.manage_townhall"
TEMPLATES = "townhall/bodies/"


# Loaders: each object reached through its own body's (and session's) address only.


def body_by_slug(slug: str) -> Body:
    return get_object_or_404(Body, slug=slug)


def member_in_body(slug: str, pk: int) -> BodyMember:
    return get_object_or_404(BodyMember.objects.select_related("body"), body__slug=slug, pk=pk)


def session_in_body(slug: str, pk: int) -> Session:
    return get_object_or_404(Session.objects.select_related("body"), body__slug=slug, pk=pk)


def item_in_session(slug: str, pk: int, item: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.select_related("session__body", "workshop"),
        session__body__slug=slug,
        session_id=pk,
        pk=item,
    )


def _page(request, template: str, **context):
    return render(request, TEMPLATES + template, {"nav": "townhall", **context})


def _closed(session: Session) -> bool:
    return session.cancelled or session.held_at is not None


def _agenda_anchor(session: Session) -> str:
    return session.get_absolute_url() + "#agenda"


# Bodies and members


@require_http_methods(["GET", "POST"])
@allowed(MANAGE)
@limit_posts("townhall-body", limit=20)
def body_create(request):
    form = BodyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def create() -> str:
            body = services.body_save(actor=request.user, **form.values())
            return reverse("townhall:body_members", kwargs={"slug": body.slug})

        response = submit_form_once(
            request,
            form,
            create,
            done=_("The body is created. Seat its members now."),
            back=reverse("townhall:bodies"),
        )
        if response is not None:
            return response
    return _page(request, "form.html", form=form, body=None)


@require_http_methods(["GET", "POST"])
@allowed(MANAGE, load=body_by_slug)
@limit_posts("townhall-body", limit=20)
def body_edit(request, body):
    form = BodyForm(
        request.POST or None,
        initial={
            "kind": body.kind,
            "name": body.name,
            "description": body.description,
            "public_sessions": body.public_sessions,
            "themes": list(body.themes.values_list("pk", flat=True)),
        },
    )

    def save(data) -> None:
        services.body_save(actor=request.user, body=body, **form.values())

    done = act_on_form(
        request, form, save, done=_("The body is saved."), then=body.get_absolute_url()
    )
    return done or _page(request, "form.html", form=form, body=body)


@require_http_methods(["GET", "POST"])
@allowed(MANAGE, load=body_by_slug)
@limit_posts("townhall-member", limit=30)
def body_members(request, body):
    form = MemberForm(request.POST or None)
    done = act_on_form(
        request,
        form,
        lambda data: services.member_add(actor=request.user, body=body, **data),
        done=_("The member is seated."),
        then=reverse("townhall:body_members", kwargs={"slug": body.slug}),
    )
    return done or _page(
        request, "members.html", body=body, members=selectors.members_of(body), form=form
    )


@require_http_methods(["GET", "POST"])
@allowed(MANAGE, load=member_in_body)
def member_remove(request, member):
    body = member.body
    if request.method == "POST":
        services.member_remove(actor=request.user, member=member)
        messages.success(request, _("%(name)s no longer sits in this body.") % {"name": member})
        return redirect("townhall:body_members", slug=body.slug)
    return _page(request, "member_remove.html", body=body, member=member)


# Sessions


@require_http_methods(["GET", "POST"])
@allowed(MANAGE, load=body_by_slug)
@limit_posts("townhall-session", limit=20)
def session_create(request, body):
    form = SessionForm(request.POST or None, initial={"public": body.public_sessions})
    if request.method == "POST" and form.is_valid():

        def create() -> str:
            return services.session_save(
                actor=request.user, body=body, **form.values()
            ).get_absolute_url()

        response = submit_form_once(
            request,
            form,
            create,
            done=_("The session is scheduled. Put its items on the agenda now."),
            back=body.get_absolute_url(),
        )
        if response is not None:
            return response
    return _page(request, "session_form.html", form=form, body=body, session=None)


def _refuse_closed(request, session: Session):
    """The agenda of a session held or cancelled is closed: say so on its page."""
    messages.info(request, str(services.SessionClosed()))
    return redirect(session.get_absolute_url())


@require_http_methods(["GET", "POST"])
@allowed(MANAGE, load=session_in_body)
@limit_posts("townhall-session", limit=20)
def session_edit(request, session):
    if _closed(session):
        return _refuse_closed(request, session)
    form = SessionForm(
        request.POST or None,
        initial={
            "starts_at": session.starts_at,
            "place": session.place,
            "public": session.public,
        },
    )
    done = act_on_form(
        request,
        form,
        lambda data: services.session_save(
            actor=request.user, body=session.body, session=session, **form.values()
        ),
        done=_("The session is saved."),
        then=session.get_absolute_url(),
    )
    return done or _page(
        request, "session_form.html", form=form, body=session.body, session=session
    )


@require_http_methods(["GET", "POST"])
@allowed(MANAGE, load=session_in_body)
def session_cancel(request, session):
    if request.method == "POST":
        try:
            services.session_cancel(actor=request.user, session=session)
        except ApplicationError as error:
            messages.info(request, str(error))
        else:
            messages.success(request, _("The session is cancelled."))
        return redirect(session.get_absolute_url())
    if _closed(session):
        return _refuse_closed(request, session)
    return _page(request, "session_cancel.html", session=session, body=session.body)


@require_http_methods(["GET", "POST"])
@allowed(MANAGE, load=session_in_body)
@limit_posts("townhall-outcome", limit=30)
def session_outcome(request, session):
    form = SessionOutcomeForm(
        request.POST or None,
        initial={"minutes": session.minutes, "record_url": session.record_url},
    )
    done = act_on_form(
        request,
        form,
        lambda data: services.session_outcome(actor=request.user, session=session, **data),
        done=_("The session's minutes are recorded."),
        then=session.get_absolute_url(),
    )
    return done or _page(
        request, "session_outcome.html", form=form, session=session, body=session.body
    )


# The agenda


@require_http_methods(["GET", "POST"])
@allowed(MANAGE, load=session_in_body)
@limit_posts("townhall-agenda", limit=30)
def item_add(request, session):
    if request.method == "GET" and _closed(session):
        return _refuse_closed(request, session)
    form = ItemForm(
        request.POST or None,
        workshops=selectors.workshops_for_agenda(request.user, session=session),
        submissions=selectors.submissions_for_agenda(session=session),
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        workshop = values["workshop"] if values["kind"] == ItemKind.DOSSIER else None
        # The choices hold only the workshops the rules allow: asked again, as the rules
        # may have changed since the form was shown.
        if workshop is not None and not can(
            request.user, "townhall.put_dossier_on_agenda", workshop
        ):
            return refuse(request)

        def add() -> str:
            services.item_add(actor=request.user, session=session, **values)
            return _agenda_anchor(session)

        response = submit_form_once(
            request,
            form,
            add,
            done=_("The item is on the agenda."),
            back=session.get_absolute_url(),
        )
        if response is not None:
            return response
    return _page(request, "item_form.html", form=form, session=session, body=session.body)


def _move(request, item, *, up: bool):
    try:
        services.item_move(actor=request.user, item=item, up=up)
    except ApplicationError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, _("“%(title)s” is moved.") % {"title": item.title})
    return redirect(f"{item.session.get_absolute_url()}#point-{item.pk}")


@require_POST
@allowed(MANAGE, load=item_in_session)
def item_up(request, item):
    return _move(request, item, up=True)


@require_POST
@allowed(MANAGE, load=item_in_session)
def item_down(request, item):
    return _move(request, item, up=False)


@require_http_methods(["GET", "POST"])
@allowed(MANAGE, load=item_in_session)
def item_remove(request, item):
    session = item.session
    # Taking a workshop's dossier off the agenda is putting it on: the same permission.
    if item.workshop is not None and not can(
        request.user, "townhall.put_dossier_on_agenda", item.workshop
    ):
        return refuse(request)
    if request.method == "POST":
        try:
            services.item_remove(actor=request.user, item=item)
        except ApplicationError as error:
            messages.info(request, str(error))
        else:
            messages.success(request, _("“%(title)s” is off the agenda.") % {"title": item.title})
        return redirect(_agenda_anchor(session))
    if _closed(session):
        return _refuse_closed(request, session)
    return _page(request, "item_remove.html", item=item, session=session, body=session.body)


@require_http_methods(["GET", "POST"])
@allowed(MANAGE, load=item_in_session)
@limit_posts("townhall-outcome", limit=30)
def item_outcome(request, item):
    session = item.session
    form = ItemOutcomeForm(
        request.POST or None,
        initial={
            "outcome": item.outcome,
            "deliberation_number": item.deliberation_number,
            "deliberation_date": item.deliberation_date,
            "record_url": item.record_url,
        },
    )
    done = act_on_form(
        request,
        form,
        lambda data: services.item_outcome(actor=request.user, item=item, **data),
        done=_("The item's outcome is recorded."),
        then=f"{session.get_absolute_url()}#point-{item.pk}",
    )
    return done or _page(
        request, "item_outcome.html", form=form, item=item, session=session, body=session.body
    )
