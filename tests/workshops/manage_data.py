"""What the workshop form posts, shared by the management tests."""

import datetime

from django.utils import timezone

from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.services.lifecycle import phase_field_name

DAY = datetime.timedelta(days=1)


def as_input(moment: datetime.datetime) -> str:
    """A date-time as a datetime-local input sends it, in the city's time zone."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def contiguous_phases(start: datetime.datetime, days: int = 10):
    """Five back-to-back phases of `days` days each."""
    return [
        (kind, start + i * days * DAY, start + (i + 1) * days * DAY)
        for i, kind in enumerate(PhaseKind)
    ]


def next_month_start() -> datetime.datetime:
    """A round local hour about a month away, so inputs and stored values compare exactly."""
    moment = timezone.localtime() + 30 * DAY
    return moment.replace(hour=9, minute=0, second=0, microsecond=0)


def workshop_form_data(*, neighbourhood=None, phases=None, span=None, **overrides) -> dict:
    """A valid POST for the create/edit form: a neighbourhood workshop unless overridden.

    `phases` fills the ten phase fields; `span` (start, end) fills the overall dates.
    """
    data = {
        "kind": "neighbourhood",
        "title": "Réaménager la place du Marché",
        "project": "La place du Marché, ses arbres et son stationnement.",
        "objective": "Un plan de la place partagé par les habitants.",
        "evaluation_plan": "Part des préconisations retenues par la mairie.",
        "neighbourhood": neighbourhood.pk if neighbourhood else "",
        "capacity": "",
        "save": "1",
    }
    if span:
        data["span_starts_at"], data["span_ends_at"] = (as_input(span[0]), as_input(span[1]))
    for kind, start, end in phases or ():
        data[phase_field_name(kind, "starts_at")] = as_input(start)
        data[phase_field_name(kind, "ends_at")] = as_input(end)
    data.update(overrides)
    return data
