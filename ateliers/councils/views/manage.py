"""Pages where the city manages councils and mandates. Permissions come from rules.py;
writes from services.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ateliers.core.forms import add_service_errors
from ateliers.core.permissions import refuse

from .. import selectors, services
from ..forms import CouncilForm, MandateCreateForm, MandateForm
from ..models import Council, Mandate

# Councils


def council_create(request):
    if not request.user.has_perm("councils.manage_councils"):
        return refuse(request)
    form = CouncilForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        council = services.council_create(**form.cleaned_data)
        messages.success(request, _("The council was created. Add its members now."))
        return redirect("councils:mandates", slug=council.slug)
    return render(request, "councils/form.html", {"nav": "councils", "form": form, "council": None})


def council_edit(request, slug):
    council = get_object_or_404(Council, slug=slug)
    if not request.user.has_perm("councils.manage_councils", council):
        return refuse(request)
    if request.method == "POST":
        form = CouncilForm(request.POST, council=council)
        if form.is_valid():
            services.council_update(council=council, **form.cleaned_data)
            messages.success(request, _("The council was saved."))
            return redirect(council)
    else:
        form = CouncilForm(
            council=council,
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


def mandate_list(request, slug):
    council = get_object_or_404(Council, slug=slug)
    if not request.user.has_perm("councils.manage_councils", council):
        return refuse(request)
    form = MandateCreateForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.mandate_create(council=council, **form.cleaned_data)
        except ValidationError as error:
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
            "form": form,
        },
    )


def _get_mandate(council: Council, pk: int) -> Mandate:
    return get_object_or_404(
        Mandate.objects.select_related("user", "council"), council=council, pk=pk
    )


def mandate_edit(request, slug, pk):
    council = get_object_or_404(Council, slug=slug)
    if not request.user.has_perm("councils.manage_councils", council):
        return refuse(request)
    mandate = _get_mandate(council, pk)
    if request.method == "POST":
        form = MandateForm(request.POST)
        if form.is_valid():
            try:
                services.mandate_update(mandate=mandate, **form.cleaned_data)
            except ValidationError as error:
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


def mandate_delete(request, slug, pk):
    council = get_object_or_404(Council, slug=slug)
    if not request.user.has_perm("councils.manage_councils", council):
        return refuse(request)
    mandate = _get_mandate(council, pk)
    if request.method == "POST":
        services.mandate_delete(mandate=mandate)
        messages.success(request, _("The mandate was deleted."))
        return redirect("councils:mandates", slug=council.slug)
    return render(
        request,
        "councils/mandate_confirm_delete.html",
        {"nav": "councils", "council": council, "mandate": mandate},
    )
