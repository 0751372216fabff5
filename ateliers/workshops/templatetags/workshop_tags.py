"""Template helpers for workshops: where a workshop stands at the request's `now`."""

from dataclasses import dataclass

from django import template

from ..models import Phase, Workshop

register = template.Library()


@dataclass(frozen=True)
class WorkshopState:
    phase: Phase | None
    upcoming: bool
    finished: bool


@register.simple_tag
def workshop_state(workshop: Workshop, now) -> WorkshopState:
    """The current phase read from the prefetched phases, or whether it is upcoming/finished.

    Views pass one `now` per request so every card on a page agrees on the time.
    """
    return WorkshopState(
        phase=workshop.phase_at(now),
        upcoming=workshop.is_upcoming(now),
        finished=workshop.is_finished(now),
    )
