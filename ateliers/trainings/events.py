"""Training sessions as calendar events (core/ical.py)."""

from ateliers.core.ical import CalendarEvent

from .models import TrainingSession


def as_event(session: TrainingSession) -> CalendarEvent:
    """`session` with its training read (select_related)."""
    location = ", ".join(filter(None, [session.place, session.address])) or session.online_link
    return CalendarEvent(
        key=f"training-session-{session.pk}",
        sequence=session.sequence,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        title=session.training.title,
        location=location,
        description=session.training.summary,
        path=session.get_absolute_url(),
        cancelled=session.is_cancelled,
    )
