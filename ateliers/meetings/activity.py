"""What the meetings' services log, on the workshop's or council's history."""

from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs


def register() -> None:
    verbs.register(
        "meeting.planned",
        _("%(actor)s planned the meeting “%(title)s”."),
        label=_("Meeting planned"),
        public=True,
    )
    verbs.register(
        "meeting.changed",
        _("%(actor)s changed the meeting “%(title)s”."),
        label=_("Meeting changed"),
        public=True,
    )
    verbs.register(
        "meeting.cancelled",
        _("%(actor)s cancelled the meeting “%(title)s”: %(reason)s"),
        label=_("Meeting cancelled"),
        public=True,
    )
    verbs.register(
        "meeting.closed",
        _(
            "%(actor)s published the minutes of the meeting “%(title)s” "
            "(%(attendees)s people came)."
        ),
        label=_("Meeting minutes published"),
        public=True,
    )
    # Who registers is the organisers' business: only the team's log.
    verbs.register(
        "meeting.registered",
        _("%(actor)s registered for the meeting “%(title)s”."),
        label=_("Registered for a meeting"),
    )
    verbs.register(
        "meeting.waitlisted",
        _("%(actor)s joined the waitlist of the meeting “%(title)s”."),
        label=_("On a meeting's waitlist"),
    )
    verbs.register(
        "meeting.registration_cancelled",
        _("%(actor)s cancelled a registration for the meeting “%(title)s”."),
        label=_("Meeting registration cancelled"),
    )
