"""The audit trail: everything that happened, for the city's team."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from ateliers.core.permissions import allowed

from .. import selectors
from ..forms import AuditFilterForm
from ..models import Action

AUDIT_PAGE_SIZE = 50


@require_safe
@allowed("activity.view_audit_trail")
def audit_trail(request):
    form = AuditFilterForm(request.GET)
    form.is_valid()  # an unknown verb is dropped; the rest of the page still shows
    actions = selectors.audit_trail(verb=form.cleaned_data.get("verb", ""))
    page = Paginator(actions, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "activity/audit_trail.html",
        {
            "form": form,
            "page_obj": page,
            "querystring_without_page": f"{query.urlencode()}&" if query else "",
            "nav": "activity",
        },
    )


@require_safe
@allowed("activity.view_audit_trail")
def action_target(request, pk: int):
    """The page of what an action was about. The trail links here instead of loading every
    target to build its link, which cost one query per kind of object listed."""
    try:
        target = selectors.target_of(pk=pk)
    except Action.DoesNotExist as exc:
        raise Http404 from exc
    if target is None or not hasattr(target, "get_absolute_url"):
        raise Http404  # deleted since, or a kind of object without a page
    return redirect(target)
