"""The councils' public pages: anyone may read them."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import public_page

from .. import selectors
from ..models import Council


@public_page
@require_safe
def council_list(request):
    # Not paginated: a city has a handful of councils of each kind (at most one per
    # neighbourhood), and splitting the five sections across pages would hide some.
    councils = selectors.council_list(today=timezone.localdate())
    return render(
        request,
        "councils/list.html",
        {"nav": "councils", "sections": selectors.group_by_kind(councils)},
    )


@public_page
@require_safe
def council_detail(request, slug):
    try:
        council = selectors.council_for_page(slug=slug)
    except Council.DoesNotExist as exc:
        raise Http404 from exc
    mandates = selectors.council_mandates(council=council, today=timezone.localdate())
    return render(
        request,
        "councils/detail.html",
        {
            "nav": "councils",
            "council": council,
            "current_mandates": mandates["current"],
            "upcoming_mandates": mandates["upcoming"],
            "past_mandates": mandates["past"],
        },
    )
