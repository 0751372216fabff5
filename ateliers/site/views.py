"""Pages that combine several apps."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import lazy_value, public_page
from ateliers.councils import selectors as council_selectors
from ateliers.workshops import selectors as workshop_selectors


@public_page(counts="all")
@require_safe
def home(request):
    """What is happening now: calls for participants, workshops by phase, councils."""
    now = timezone.now()
    # Read only when the page's shared fragment is not kept (core/page_cache.py).
    context = {
        "now": now,
        "calling": lazy_value(lambda: workshop_selectors.workshops_calling(now=now)),
        "phase_counts": lazy_value(lambda: workshop_selectors.workshop_counts_by_phase(now=now)),
        "upcoming": lazy_value(lambda: workshop_selectors.upcoming_workshops(now=now)),
        "council_kinds": lazy_value(council_selectors.council_kinds),
    }
    return render(request, "site/home.html", context)
