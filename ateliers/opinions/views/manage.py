"""The team's pages: open a conversation, review statements, export to Polis's format."""

import io
import zipfile

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors
from ateliers.core.once import submit_form_once
from ateliers.core.permissions import allowed
from ateliers.core.ratelimit import limit_posts
from ateliers.workshops.views.manage import managed_workshop

from .. import exchange, selectors, services
from ..forms import ConversationForm, ImportForm, ReviewForm
from .public import conversation_by_pk


@require_http_methods(["GET", "POST"])
@allowed("opinions.open_conversation", load=managed_workshop)
@limit_posts("opinions-open", limit=20)
def open_conversation(request, workshop):
    form = ConversationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def open_() -> str:
            conversation = services.conversation_open(
                workshop=workshop, by=request.user, **form.conversation_values()
            )
            return conversation.get_absolute_url()

        response = submit_form_once(
            request,
            form,
            open_,
            done=_("The conversation is open: participants can vote and write statements."),
            back=workshop.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(
        request,
        "opinions/open.html",
        {"form": form, "workshop": workshop, "nav": "workshops"},
    )


@require_http_methods(["GET", "POST"])
@allowed("opinions.import_conversation", load=managed_workshop)
@limit_posts("opinions-import", limit=10)
def import_conversation(request, workshop):
    """The city's team brings a conversation held on Polis into the workshop; its map is
    computed by the worker, and the results page says so meanwhile."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                conversation = exchange.import_polis_zip(
                    workshop=workshop,
                    by=request.user,
                    upload=form.cleaned_data["file"],
                    question=form.cleaned_data["question"],
                )
                pk = conversation.pk
                transaction.on_commit(lambda: services.request_recompute(pk))
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The conversation is imported; its map is being computed."))
            return redirect(reverse("opinions:results", args=[conversation.pk]))
    return render(
        request,
        "opinions/import.html",
        {"form": form, "workshop": workshop, "nav": "workshops"},
    )


@require_http_methods(["GET", "POST"])
@allowed("opinions.moderate_statements", load=conversation_by_pk)
@limit_posts("opinions-review", limit=120)
def review(request, conversation):
    failed = None
    if request.method == "POST":
        form = ReviewForm(request.POST, conversation=conversation)
        if form.is_valid():
            try:
                statement = services.statement_moderate(
                    statement=form.cleaned_data["statement"],
                    by=request.user,
                    decision=form.cleaned_data["decision"],
                    reason=form.cleaned_data.get("reason") or "",
                )
            except ApplicationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    (
                        _("Statement %(number)s is accepted.")
                        if statement.status == statement.Status.ACCEPTED
                        else _("Statement %(number)s is rejected.")
                    )
                    % {"number": statement.position},
                )
                return redirect(reverse("opinions:review", args=[conversation.pk]))
        failed = form
    page_obj = Paginator(selectors.review_queue(conversation), 20).get_page(request.GET.get("page"))
    failed_pk = failed.data.get("statement") if failed is not None else None
    return render(
        request,
        "opinions/review.html",
        {
            "conversation": conversation,
            "workshop": conversation.workshop,
            "page_obj": page_obj,
            "querystring_without_page": "",
            "failed": failed,
            "failed_pk": str(failed_pk or ""),
            "reviewed": list(selectors.reviewed(conversation)[:20]),
            "nav": "workshops",
        },
        status=200,
    )


@require_safe
@allowed("opinions.export_conversation", load=conversation_by_pk)
def export(request, conversation):
    """The conversation in Polis's export format: a zip of comments.csv, votes.csv and
    participants-votes.csv, with anonymous numbers only."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in exchange.export_polis(conversation).items():
            archive.writestr(name, text)
    name = slugify(conversation.question)[:50] or "conversation"
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="polis-{conversation.pk}-{name}.zip"'
    return response
