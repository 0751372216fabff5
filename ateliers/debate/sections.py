"""What the debate shows on a workshop's page (core/sections.py): its topics and their
counts, once there are any or once the debate phase has come."""

from django.utils import timezone

from ateliers.core import sections
from ateliers.workshops.phases import PhaseKind

from . import selectors

# Topics listed on the workshop's page; the debate's page lists them all, by pages.
SHOWN_ON_THE_PAGE = 6


def _debate(request, *, workshop, **_page):
    topics = selectors.topics_of(workshop, limit=SHOWN_ON_THE_PAGE)
    debate = next((p for p in workshop.ordered_phases if p.kind == PhaseKind.DEBATE), None)
    if not topics and (debate is None or timezone.now() < debate.starts_at):
        return None  # nothing to show before the debate phase
    return {"workshop": workshop, "topics": topics}


def register() -> None:
    sections.register(
        "workshop_debate", "debate", template="debate/sections/debate.html", context=_debate
    )
