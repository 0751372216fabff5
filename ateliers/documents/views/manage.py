"""Pages where a workshop's team or a council's president adds and updates documents."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors
from ateliers.core.once import submit_form_once
from ateliers.core.permissions import allowed
from ateliers.core.ratelimit import limit_posts
from ateliers.councils.views.manage import council_by_slug
from ateliers.workshops.views.manage import managed_workshop

from .. import selectors, services
from ..forms import DetailsForm, DocumentForm, VersionForm
from ..models import Document


def document_by_pk(pk: int) -> Document:
    try:
        return selectors.document_for_page(pk=pk)
    except Document.DoesNotExist:
        raise Http404 from None


def _add(request, owner):
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():

        def add() -> str:
            document = services.document_add(
                owner=owner, added_by=request.user, **form.details(), **form.content_values()
            )
            return document.get_absolute_url()

        response = submit_form_once(
            request,
            form,
            add,
            done=_("The document was added. Everyone can now read it."),
            back=owner.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(
        request,
        "documents/add.html",
        {
            "owner": owner,
            "form": form,
            "nav": "councils" if owner._meta.model_name == "council" else "workshops",
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("documents.add_workshop_document", load=managed_workshop)
@limit_posts("documents-add", limit=20)
def add_to_workshop(request, workshop):
    return _add(request, workshop)


@require_http_methods(["GET", "POST"])
@allowed("documents.add_council_document", load=council_by_slug)
@limit_posts("documents-add", limit=20)
def add_to_council(request, council):
    return _add(request, council)


@require_http_methods(["GET", "POST"])
@allowed("documents.change_document", load=document_by_pk)
@limit_posts("documents-add", limit=20)
def add_version(request, document):
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():

        def add() -> str:
            services.document_add_version(
                document=document,
                added_by=request.user,
                note=form.cleaned_data.get("note") or "",
                **form.content_values(),
            )
            return document.get_absolute_url()

        response = submit_form_once(
            request,
            form,
            add,
            done=_("The new version was added; the earlier ones stay available."),
            back=document.get_absolute_url(),
        )
        if response is not None:
            return response
    return render(
        request,
        "documents/version_form.html",
        {"document": document, "owner": document.owner, "form": form},
    )


@require_http_methods(["GET", "POST"])
@allowed("documents.change_document", load=document_by_pk)
@limit_posts("documents-change", limit=20)
def edit_details(request, document):
    initial = {
        "title": document.title,
        "summary": document.summary,
        "category": document.category,
    }
    form = DetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(document=document, changed_by=request.user, **form.details())
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The document's details were saved."))
            return redirect(document)
    return render(
        request,
        "documents/details_form.html",
        {"document": document, "owner": document.owner, "form": form},
    )
