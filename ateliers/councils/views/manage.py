"""Pages where the city manages councils and mandates. Permissions come from rules.py;
writes from services.py."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors
from ateliers.core.once import AlreadySubmitted, submit_once
from ateliers.core.permissions import allowed
from ateliers.core.ratelimit import limit_posts

from .. import selectors, services
from ..forms import CouncilForm, MandateCreateForm, MandateForm, PersonSearchForm
from ..models import Council, Mandate


def council_by_slug(slug: str) -> Council:
    return get_object_or_404(Council, slug=slug)


def mandate_in_council(slug: str, pk: int) -> Mandate:
    """A mandate reached through its own council's address only."""
    return get_object_or_404(
        Mandate.objects.select_related("user", "council"), council__slug=slug, pk=pk
    )


# Councils


@require_http_methods(["GET", "POST"])
@allowed("councils.manage_councils")
@limit_posts("councils-create", limit=20)
def council_create(request):
    form = CouncilForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created: list[Council] = []

        def create() -> str:
            created.append(services.council_create(by=request.user, **form.council_values()))
            return reverse("councils:mandates", kwargs={"slug": created[0].slug})

        try:
            next_url = submit_once(
                key=form.cleaned_data.get("submission_key"), user=request.user, action=create
            )
        except AlreadySubmitted as done:
            messages.info(request, str(done))
            return redirect(done.url or "councils:list")
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The council was created. Add its members now."))
            return redirect(next_url)
    return render(request, "councils/form.html", {"nav": "councils", "form": form, "council": None})


@require_http_methods(["GET", "POST"])
@allowed("councils.manage_councils", load=council_by_slug)
def council_edit(request, council):
    if request.method == "POST":
        form = CouncilForm(request.POST)
        if form.is_valid():
            try:
                services.council_update(council=council, by=request.user, **form.council_values())
            except ApplicationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The council was saved."))
                return redirect(council)
    else:
        form = CouncilForm(
            initial={
                "kind": council.kind,
                "name": council.name,
                "description": council.description,
                "neighbourhood": council.neighbourhood_id,
                "themes": list(council.themes.values_list("pk", flat=True)),
            },
        )
    return render(
        request, "councils/form.html", {"nav": "councils", "form": form, "council": council}
    )


# Mandates


@require_http_methods(["GET", "POST"])
@allowed("councils.manage_councils", load=council_by_slug)
@limit_posts("councils-mandate", limit=30)
def mandate_list(request, council):
    search = PersonSearchForm(
        request.GET if "personne" in request.GET else request.POST or None, auto_id="search-%s"
    )
    query = search.cleaned_data.get("personne", "") if search.is_valid() else ""
    candidates = selectors.people_matching(query)
    form = MandateCreateForm(
        request.POST or None,
        candidates=candidates,
        initial={"starts_on": timezone.localdate(), "personne": query},
    )
    if request.method == "POST" and form.is_valid():
        data = {key: value for key, value in form.cleaned_data.items() if key != "personne"}
        try:
            services.mandate_create(council=council, by=request.user, **data)
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The mandate was added."))
            return redirect("councils:mandates", slug=council.slug)
    return render(
        request,
        "councils/mandate_list.html",
        {
            "nav": "councils",
            "council": council,
            "mandates": selectors.council_all_mandates(council=council),
            "today": timezone.localdate(),
            "search": search,
            "searched": bool(query),
            "form": form,
        },
    )


def _council_of(mandate: Mandate) -> Council:
    return mandate.council


@require_http_methods(["GET", "POST"])
@allowed("councils.manage_councils", load=mandate_in_council, on=_council_of)
def mandate_edit(request, mandate):
    council = mandate.council
    if request.method == "POST":
        form = MandateForm(request.POST)
        if form.is_valid():
            try:
                services.mandate_update(mandate=mandate, by=request.user, **form.cleaned_data)
            except ApplicationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The mandate was saved."))
                return redirect("councils:mandates", slug=council.slug)
    else:
        form = MandateForm(
            initial={
                "role": mandate.role,
                "starts_on": mandate.starts_on,
                "ends_on": mandate.ends_on,
            }
        )
    return render(
        request,
        "councils/mandate_form.html",
        {
            "nav": "councils",
            "council": council,
            "mandate": mandate,
            "form": form,
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
@allowed("councils.manage_councils", load=mandate_in_council, on=_council_of)
def mandate_delete(request, mandate):
    council = mandate.council
    if request.method == "POST":
        services.mandate_delete(mandate=mandate, by=request.user)
        messages.success(request, _("The mandate was deleted."))
        return redirect("councils:mandates", slug=council.slug)
    return render(
        request,
        "councils/mandate_confirm_delete.html",
        {"nav": "councils", "council": council, "mandate": mandate},
    )
