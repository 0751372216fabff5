"""What each phase allows, declared by the apps that provide the actions.

A workshop's phases are data (workshops/phases.py): their dates say which one runs. Which
actions a phase allows is declared here, by each app from its `AppConfig.ready()`, instead of
every new app editing the list of phases:

    features.register("join", phases={PhaseKind.COMMUNICATION}, label=_("join the workshop"))

Rules then ask `phase_allows("join")` (workshops/rules.py), and permissions follow the dates
without any scheduled job. The permission-matrix test reads this registry.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from .phases import PhaseKind


@dataclass(frozen=True)
class Feature:
    name: str
    phases: frozenset[PhaseKind]
    # What the action is, in words ("join the workshop"), for pages and documentation.
    label: str
    # Also allowed before the workshop's first phase starts: the team prepares it then
    # (documents, trainings to recommend), while residents' actions wait for their phase.
    before_start: bool = False
    # Also allowed once the last phase has ended: looking after what stays published
    # (reporting and moderating the debate's contributions).
    after_end: bool = False
    # With after_end: for this many days after the end only (a closing window, such as the
    # evaluation's); None: for as long as the workshop stays.
    after_end_days: int | None = None


_FEATURES: dict[str, Feature] = {}


def register(
    name: str,
    *,
    phases: Iterable[PhaseKind],
    label: str,
    before_start: bool = False,
    after_end: bool = False,
    after_end_days: int | None = None,
) -> Feature:
    feature = Feature(
        name,
        frozenset(PhaseKind(kind) for kind in phases),
        label,
        before_start,
        after_end,
        after_end_days,
    )
    _FEATURES[name] = feature
    return feature


def get(name: str) -> Feature:
    try:
        return _FEATURES[name]
    except KeyError:
        raise LookupError(f"No app registered the phase feature {name!r}.") from None


def allows_after_end(name: str, since_end: datetime.timedelta) -> bool:
    """Whether `name` is allowed `since_end` after the workshop's last phase ended."""
    feature = get(name)
    if not feature.after_end:
        return False
    return feature.after_end_days is None or since_end < datetime.timedelta(
        days=feature.after_end_days
    )


def allows(kind: PhaseKind | int, name: str) -> bool:
    """Whether phase `kind` allows the action `name`."""
    return PhaseKind(kind) in get(name).phases


def all_features() -> list[Feature]:
    return sorted(_FEATURES.values(), key=lambda feature: feature.name)
