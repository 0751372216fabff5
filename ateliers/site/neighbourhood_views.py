"""The neighbourhoods' pages: what happens in each, from every app."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import lazy_value, public_page

from . import neighbourhoods as selectors


@public_page(counts="all")
@require_safe
def neighbourhood_list(request):
    return render(
        request,
        "site/neighbourhoods/list.html",
        {
            "neighbourhoods": selectors.neighbourhoods_with_counts(now=timezone.now()),
            "nav": "neighbourhoods",
        },
    )


@public_page(counts="all")
@require_safe
def neighbourhood_page(request, slug: str):
    neighbourhood = selectors.neighbourhood_for_page(slug)
    now = timezone.now()
    # Read only when the page's shared fragment is not kept (core/page_cache.py).
    context = {
        "neighbourhood": neighbourhood,
        "now": now,
        "workshops": lazy_value(lambda: selectors.workshops_there(neighbourhood, now=now)),
        "councils": lazy_value(
            lambda: selectors.councils_there(neighbourhood, today=timezone.localdate(now))
        ),
        "events": lazy_value(lambda: selectors.next_events_there(neighbourhood, now=now)),
        "trainings": lazy_value(lambda: selectors.next_trainings(now=now)),
        "recommendations": lazy_value(lambda: selectors.recommendations_there(neighbourhood)),
        "nav": "neighbourhoods",
    }
    return render(request, "site/neighbourhoods/page.html", context)
