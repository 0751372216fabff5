"""Pages that combine several apps."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import public_page
from ateliers.councils import selectors as council_selectors
from ateliers.workshops import selectors as workshop_selectors


@public_page
@require_safe
def home(request):
    """What is happening now: calls for participants, workshops by phase, councils."""
    now = timezone.now()
    context = {
        "now": now,
        "calling": workshop_selectors.workshops_calling(now=now),
        "phase_counts": workshop_selectors.workshop_counts_by_phase(now=now),
        "upcoming": workshop_selectors.upcoming_workshops(now=now),
        "councils": council_selectors.council_names(),
    }
    return render(request, "site/home.html", context)
