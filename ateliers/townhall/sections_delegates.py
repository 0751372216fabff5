"""What the town hall adds to a workshop's page (core/sections.py): in two lines, who its
delegates are (or how to volunteer) and when it is heard, with a link to the delegates page.
Shown from the recommendations phase on, after the recommendations' own section; two queries
(the delegates with their accounts, the hearing)."""

from django.utils import timezone

from ateliers.core import sections
from ateliers.workshops.phases import PhaseKind

from . import selectors_delegates
from .selectors import hearing_of


def _delegates(request, *, workshop, **_page):
    phase = next((p for p in workshop.ordered_phases if p.kind == PhaseKind.RECOMMENDATIONS), None)
    now = timezone.now()
    if phase is None or now < phase.starts_at:
        return None  # delegates are chosen from the recommendations phase on
    delegates = selectors_delegates.section_delegates(workshop)
    hearing = hearing_of(workshop)
    return {
        "workshop": workshop,
        "delegates": delegates,
        "method": delegates[0].delegation.method if delegates else None,
        "hearing": hearing,
        "heard": hearing is not None and hearing.session.starts_at <= now,
    }


def register() -> None:
    sections.register(
        "workshop_recommendations",
        "townhall_delegates",
        template="townhall/delegates/section.html",
        context=_delegates,
        order=110,
    )
