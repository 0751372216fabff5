"""What the workshops' services log (see ateliers/activity/verbs.py)."""

from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs

from .models import Capacity
from .phases import PhaseKind


def _capacity_words(data: dict) -> dict:
    return {"capacity": Capacity(data["capacity"]).label if data.get("capacity") else ""}


def _phase_words(data: dict) -> dict:
    return {"phase": PhaseKind(data["phase"]).label if data.get("phase") else ""}


def register() -> None:
    verbs.register(
        "workshop.created",
        _("%(actor)s created the workshop as a draft."),
        label=_("Workshop created"),
    )
    # Public once the workshop is (the service says so for each change).
    verbs.register(
        "workshop.updated",
        _("%(actor)s updated the workshop's details or dates."),
        label=_("Workshop updated"),
    )
    verbs.register(
        "workshop.published",
        _("%(actor)s published the workshop: its call for participants is out."),
        label=_("Workshop published"),
        public=True,
    )
    verbs.register(
        "workshop.phase_started",
        _("The workshop entered its phase “%(phase)s”."),
        label=_("Phase started"),
        describe=_phase_words,
        public=True,
    )
    verbs.register(
        "workshop.archived",
        _("%(actor)s archived the workshop: it stays readable, and no longer changes."),
        label=_("Workshop archived"),
        public=True,
    )
    # Who takes part is shown as counts by capacity, not as names: only the team's log.
    # The capacity is a label ("Resident"), hence in brackets rather than inside the sentence.
    verbs.register(
        "workshop.joined",
        _("%(actor)s joined the workshop (%(capacity)s)."),
        label=_("Workshop joined"),
        describe=_capacity_words,
        changes_counts_only=True,
    )
    verbs.register(
        "workshop.left",
        _("%(actor)s left the workshop."),
        label=_("Workshop left"),
        changes_counts_only=True,
    )
