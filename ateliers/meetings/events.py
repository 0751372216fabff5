"""Meetings as calendar events (core/ical.py)."""

from ateliers.core.ical import CalendarEvent

from .models import Meeting


def as_event(meeting: Meeting) -> CalendarEvent:
    location = ", ".join(filter(None, [meeting.place, meeting.address])) or meeting.online_link
    return CalendarEvent(
        key=f"meeting-{meeting.pk}",
        sequence=meeting.sequence,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        title=meeting.title,
        location=location,
        description=meeting.description,
        path=meeting.get_absolute_url(),
        cancelled=meeting.is_cancelled,
    )
