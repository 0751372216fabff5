"""The opinion map's pages for everyone: a conversation and its next statement to vote on,
writing a statement, one's own votes (to change them), and the results."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.once import submit_form_once
from ateliers.core.page_cache import public_page
from ateliers.core.permissions import allowed, can
from ateliers.core.ratelimit import limit_posts

from .. import selectors, services
from ..forms import StatementForm, VoteForm
from ..models import Conversation, Statement


def conversation_by_pk(pk: int) -> Conversation:
    try:
        return selectors.conversation_for_page(pk=pk)
    except Conversation.DoesNotExist:
        raise Http404 from None


def _card(request, conversation: Conversation, *, swapped: bool = False, voter=None) -> dict:
    """What the voting card shows: the next statement and the person's progress. `voter`:
    the person's voter, known when they have just voted (the rules then said yes)."""
    may_vote = voter is not None or can(request.user, "opinions.vote", conversation)
    if voter is None and may_vote:
        voter = selectors.voter_of(conversation, request.user)
    return {
        "conversation": conversation,
        "may_vote": may_vote,
        "statement": selectors.next_statement(conversation, voter) if may_vote else None,
        "progress": selectors.progress(conversation, voter) if may_vote else None,
        "swapped": swapped,
    }


@public_page
@require_safe
@allowed("opinions.view_conversation", load=conversation_by_pk)
def conversation(request, conversation):
    return render(
        request,
        "opinions/conversation.html",
        {
            **_card(request, conversation),
            "workshop": conversation.workshop,
            "may_write": can(request.user, "opinions.write_statement", conversation),
            "may_review": can(request.user, "opinions.moderate_statements", conversation),
            "statement_form": StatementForm(),
            "nav": "workshops",
        },
    )


@require_POST
@allowed("opinions.vote", load=conversation_by_pk)
@limit_posts("opinions-vote", limit=120)
def vote(request, conversation):
    form = VoteForm(request.POST, conversation=conversation)
    error, cast = None, None
    if form.is_valid():
        try:
            cast = services.vote_cast(
                conversation=conversation,
                statement_id=form.cleaned_data["statement"].pk,
                user=request.user,
                value=form.value,
            )
        except ApplicationError as refusal:
            error = str(refusal)
    else:
        error = _("This vote could not be read: choose agree, disagree or pass.")
    if request.htmx and form.cleaned_data.get("back") != "mine":
        # htmx swaps the card for the next statement; the message goes in the card.
        context = _card(
            request, conversation, swapped=True, voter=cast.voter if cast is not None else None
        )
        return render(request, "opinions/_vote_card.html", {**context, "error": error})
    if error:
        messages.error(request, error)
    if form.is_valid() and form.cleaned_data.get("back") == "mine":
        if not error:
            messages.success(request, _("Your vote is changed."))
        return redirect(reverse("opinions:my_votes", args=[conversation.pk]))
    return redirect(reverse("opinions:conversation", args=[conversation.pk]) + "#vote")


@require_http_methods(["GET", "POST"])
@allowed("opinions.write_statement", load=conversation_by_pk)
@limit_posts("opinions-statement", limit=10)
def statement_write(request, conversation):
    form = StatementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def write() -> str:
            services.statement_submit(
                conversation=conversation, by=request.user, text=form.cleaned_data["text"]
            )
            return reverse("opinions:conversation", args=[conversation.pk])

        done = (
            _("Thank you: your statement will appear once the team has reviewed it.")
            if conversation.review == Conversation.Review.BEFORE
            else _("Thank you: your statement is shown to the others now.")
        )
        response = submit_form_once(
            request, form, write, done=done, back=conversation.get_absolute_url()
        )
        if response is not None:
            return response
    return render(
        request,
        "opinions/write.html",
        {
            "form": form,
            "conversation": conversation,
            "workshop": conversation.workshop,
            "nav": "workshops",
        },
    )


@require_safe
@allowed("opinions.view_conversation", load=conversation_by_pk)
def my_votes(request, conversation):
    """The person's own votes, to change them; and what they wrote, with its review."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    voter = selectors.voter_of(conversation, request.user)
    page_obj = Paginator(selectors.votes_of(voter), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "opinions/my_votes.html",
        {
            "conversation": conversation,
            "workshop": conversation.workshop,
            "page_obj": page_obj,
            "querystring_without_page": "",
            "may_vote": can(request.user, "opinions.vote", conversation),
            "written": list(selectors.own_statements(conversation, request.user)[:50]),
            "nav": "workshops",
        },
    )


@public_page(params=("page",))
@require_safe
@allowed("opinions.view_conversation", load=conversation_by_pk)
def statements(request, conversation):
    """Every accepted statement, by number, fifty a page, each with a link of its own."""
    return render(
        request,
        "opinions/statements.html",
        {
            "conversation": conversation,
            "workshop": conversation.workshop,
            "page_obj": selectors.statements_page(conversation, page=request.GET.get("page")),
            "nav": "workshops",
        },
    )


def accepted_statement(pk: int, position: int) -> Statement:
    conversation = conversation_by_pk(pk)
    try:
        found = selectors.accepted_statement(conversation, position=position)
    except Statement.DoesNotExist:
        raise Http404 from None
    found.conversation = conversation
    return found


@public_page
@require_safe
@allowed(
    "opinions.view_conversation",
    load=accepted_statement,
    on=lambda statement: statement.conversation,
)
def statement(request, statement):
    return render(
        request,
        "opinions/statement.html",
        {
            "conversation": statement.conversation,
            "workshop": statement.conversation.workshop,
            "statement": statement,
            "nav": "workshops",
        },
    )


@public_page
@require_safe
@allowed("opinions.view_conversation", load=conversation_by_pk)
def results(request, conversation):
    return render(
        request,
        "opinions/results.html",
        {
            "conversation": conversation,
            "workshop": conversation.workshop,
            "results": selectors.results(conversation),
            "may_export": can(request.user, "opinions.export_conversation", conversation),
            "nav": "workshops",
        },
    )
