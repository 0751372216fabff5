"""Pages that combine several apps."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import lazy_value, public_page
from ateliers.councils import selectors as council_selectors
from ateliers.workshops import selectors as workshop_selectors

from . import neighbourhoods

# What the home page shows of the person's own neighbourhood.
MY_WORKSHOPS = 3
MY_EVENTS = 3


@public_page(counts="all")
@require_safe
def home(request):
    """What is happening now: calls for participants, workshops by phase, councils; first,
    for a person who gave their neighbourhood, what happens there."""
    now = timezone.now()
    mine = request.user.neighbourhood if request.user.is_authenticated else None
    # Read only when the page's shared fragment is not kept (core/page_cache.py).
    context = {
        "now": now,
        "calling": lazy_value(lambda: workshop_selectors.workshops_calling(now=now)),
        "phase_counts": lazy_value(lambda: workshop_selectors.workshop_counts_by_phase(now=now)),
        "upcoming": lazy_value(lambda: workshop_selectors.upcoming_workshops(now=now)),
        "council_kinds": lazy_value(council_selectors.council_kinds),
        "my_neighbourhood": mine,
        "my_workshops": lazy_value(
            lambda: list(neighbourhoods.current_workshops(mine, now=now)[:MY_WORKSHOPS])
        ),
        "my_events": lazy_value(
            lambda: neighbourhoods.next_events_there(mine, now=now, limit=MY_EVENTS)
        ),
    }
    return render(request, "site/home.html", context)
