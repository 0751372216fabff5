"""What the trainings' services log, on each training's history and the team's audit trail."""

from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs


def register() -> None:
    verbs.register(
        "training.created",
        _("%(actor)s added the training to the catalogue."),
        label=_("Training created"),
        public=True,
    )
    verbs.register(
        "training.updated",
        _("%(actor)s updated the training."),
        label=_("Training updated"),
        public=True,
    )
    verbs.register(
        "training.session_added",
        _("%(actor)s scheduled a session of the training."),
        label=_("Training session scheduled"),
        public=True,
    )
    verbs.register(
        "training.recommended",
        _("%(actor)s chose the trainings recommended to prepare: %(list)s."),
        label=_("Trainings recommended"),
        public=True,
        describe=lambda data: {"list": ", ".join(data.get("trainings", [])) or "—"},
    )
    verbs.register(
        "training.session_changed",
        _("%(actor)s changed a session of the training."),
        label=_("Training session changed"),
        public=True,
    )
    verbs.register(
        "training.session_cancelled",
        _("%(actor)s cancelled a session of the training: %(reason)s"),
        label=_("Training session cancelled"),
        public=True,
    )
    # Who registers is the organisers' business: only the team's log.
    verbs.register(
        "training.registered",
        _("%(actor)s registered for a session."),
        label=_("Registered for a training session"),
    )
    verbs.register(
        "training.waitlisted",
        _("%(actor)s joined the waitlist of a session."),
        label=_("On a training session's waitlist"),
    )
    verbs.register(
        "training.registration_cancelled",
        _("%(actor)s cancelled a registration for a session."),
        label=_("Training registration cancelled"),
    )
    verbs.register(
        "training.attendance_marked",
        _("%(actor)s marked who came to a session (%(attended)s people)."),
        label=_("Training attendance marked"),
    )
    verbs.register(
        "training.seat_given",
        _("A seat of a session went to the first person on its waitlist."),
        label=_("Seat given from the waitlist"),
    )
