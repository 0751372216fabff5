"""Writes for a workshop's life: create as a draft, update, publish, archive.

The rules a workshop's fields must follow (five phases in order, a neighbourhood for a
neighbourhood workshop, a capacity not below the participants) are checked here, in
`validate_phases` and `validate_workshop_fields`, and the forms call the same functions, so
each rule is written once. The database constraints stay as the last line of defence.
"""

import datetime
from collections.abc import Iterable, Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ateliers.activity.services import record
from ateliers.core.errors import Collected, InvalidInput, StateChanged
from ateliers.core.models import Neighbourhood, Role, Theme, User
from ateliers.core.names import clean_name
from ateliers.core.plausible import date_message, is_plausible_date
from ateliers.core.slugs import unique_slug
from ateliers.councils.models import Council

from ..models import MAX_CAPACITY, Phase, Workshop
from ..phases import PhaseKind
from ..tasks import schedule_phase_starts

PhaseBounds = tuple[PhaseKind, datetime.datetime, datetime.datetime]


class WorkshopStateError(StateChanged):
    """The workshop is no longer in a state that allows this (someone acted first)."""


# The rules, shared with the forms


def phase_field_name(kind: PhaseKind, bound: str) -> str:
    """The form field holding one bound ("starts_at" or "ends_at") of a phase."""
    return f"{PhaseKind(kind).name.lower()}_{bound}"


def _phase_name(kind: PhaseKind) -> str:
    # "Debate" reads "the debate phase" inside a sentence.
    return str(PhaseKind(kind).label).lower()


def validate_phases(phases: Sequence[PhaseBounds]) -> None:
    """Raise a ValidationError keyed by phase field if the five phases are not usable.

    Every phase ends after it starts; each one starts after the previous one ends (so they
    come in order and never overlap). A phase may start exactly when the previous one ends.
    """
    kinds = sorted(PhaseKind(kind) for kind, _start, _end in phases)
    if kinds != list(PhaseKind):
        raise InvalidInput(_("A workshop needs each of its five phases exactly once."))
    by_kind = {PhaseKind(kind): (start, end) for kind, start, end in phases}
    errors = Collected()
    previous: PhaseKind | None = None
    for kind in PhaseKind:
        start, end = by_kind[kind]
        for bound, moment in (("starts_at", start), ("ends_at", end)):
            if not is_plausible_date(moment.date()):
                errors.add(phase_field_name(kind, bound), date_message())
        if previous is not None:
            previous_start, previous_end = by_kind[previous]
            names = {"phase": _phase_name(kind), "previous": _phase_name(previous)}
            if start < previous_start:
                message = _("The %(phase)s phase must come after the %(previous)s phase.")
                errors.add(phase_field_name(kind, "starts_at"), message % names)
            elif start < previous_end:
                message = _("The %(phase)s phase must start after the %(previous)s phase ends.")
                errors.add(phase_field_name(kind, "starts_at"), message % names)
        if end <= start:
            message = _("The %(phase)s phase must end after it starts.")
            errors.add(phase_field_name(kind, "ends_at"), message % {"phase": _phase_name(kind)})
        previous = kind
    errors.raise_if_any()


def validate_workshop_fields(
    *, kind: str, neighbourhood: Neighbourhood | None, capacity: int | None, participant_count: int
) -> None:
    """Raise InvalidInput keyed by field for what the database constraints forbid."""
    errors = Collected()
    if kind not in Workshop.Kind.values:
        errors.add("kind", _("Choose the kind of workshop."))
    if kind == Workshop.Kind.NEIGHBOURHOOD and neighbourhood is None:
        errors.add("neighbourhood", _("A neighbourhood workshop needs its neighbourhood."))
    if capacity is not None and capacity < 1:
        errors.add("capacity", _("The capacity must be at least 1, or empty for no limit."))
    elif capacity is not None and capacity > MAX_CAPACITY:
        errors.add(
            "capacity",
            _("The capacity cannot be more than %(max)s places.") % {"max": f"{MAX_CAPACITY:,}"},
        )
    elif capacity is not None and capacity < participant_count:
        errors.add(
            "capacity",
            _("%(count)s people already take part: the capacity cannot be lower than that.")
            % {"count": participant_count},
        )
    errors.raise_if_any()


def _span(phases: Sequence[PhaseBounds]) -> tuple[datetime.datetime, datetime.datetime]:
    ordered = sorted(phases, key=lambda bounds: bounds[0])
    return ordered[0][1], ordered[-1][2]


# The writes


def _public_changes(workshop: Workshop) -> bool:
    # A draft's edits are nobody's business but its team's.
    return workshop.status != Workshop.Status.DRAFT


@transaction.atomic
def workshop_create(
    *,
    created_by: User | None,
    kind: str,
    title: str,
    project: str,
    objective: str,
    evaluation_plan: str,
    neighbourhood: Neighbourhood | None = None,
    themes: Iterable[Theme] = (),
    capacity: int | None = None,
    sponsors: Iterable[Council] = (),
    facilitators: Iterable[User] = (),
    phases: Sequence[PhaseBounds],
    proposed_by: Council | None = None,
) -> Workshop:
    """Create a draft workshop with its five phases; its span is the phases' span.

    A creator whose role is facilitator becomes one of the workshop's facilitators.
    """
    title = clean_name(title, field="title")
    if kind == Workshop.Kind.CITY:
        # A city workshop covers the whole city.
        neighbourhood = None
    validate_workshop_fields(
        kind=kind, neighbourhood=neighbourhood, capacity=capacity, participant_count=0
    )
    validate_phases(phases)
    starts_at, ends_at = _span(phases)
    workshop = Workshop.objects.create(
        kind=kind,
        title=title,
        slug=unique_slug(Workshop, title, fallback="atelier"),
        project=project,
        objective=objective,
        evaluation_plan=evaluation_plan,
        neighbourhood=neighbourhood,
        capacity=capacity,
        status=Workshop.Status.DRAFT,
        starts_at=starts_at,
        ends_at=ends_at,
        proposed_by=proposed_by,
        created_by=created_by,
    )
    workshop.themes.set(themes)
    workshop.sponsors.set(sponsors)
    people = list(facilitators)
    if created_by is not None and created_by.role == Role.FACILITATOR:
        people.append(created_by)
    workshop.facilitators.set(people)
    Phase.objects.bulk_create(
        Phase(workshop=workshop, kind=kind, starts_at=start, ends_at=end)
        for kind, start, end in phases
    )
    record(
        actor=created_by,
        verb="workshop.created",
        target=workshop,
        data={"proposed_by": proposed_by.name} if proposed_by else {},
    )
    return workshop


@transaction.atomic
def workshop_update(
    *,
    workshop: Workshop,
    by: User | None,
    kind: str,
    title: str,
    project: str,
    objective: str,
    evaluation_plan: str,
    neighbourhood: Neighbourhood | None,
    themes: Iterable[Theme],
    capacity: int | None,
    sponsors: Iterable[Council],
    phases: Sequence[PhaseBounds],
    facilitators: Iterable[User] | None = None,
) -> Workshop:
    """Change a workshop and its phases. The slug stays, so links keep working.

    `facilitators=None` leaves them as they are.
    """
    title = clean_name(title, field="title")
    # Read the state again inside the transaction (and lock the row on PostgreSQL): it may
    # have been archived, and people may have joined, since the form was shown.
    status, participant_count = (
        Workshop.objects.select_for_update()
        .filter(pk=workshop.pk)
        .values_list("status", "participant_count")
        .get()
    )
    if status == Workshop.Status.ARCHIVED:
        raise WorkshopStateError(_("An archived workshop can no longer be changed."))
    if kind == Workshop.Kind.CITY:
        neighbourhood = None
    validate_workshop_fields(
        kind=kind,
        neighbourhood=neighbourhood,
        capacity=capacity,
        participant_count=participant_count,
    )
    validate_phases(phases)
    workshop.kind = kind
    workshop.title = title
    workshop.project = project
    workshop.objective = objective
    workshop.evaluation_plan = evaluation_plan
    workshop.neighbourhood = neighbourhood
    workshop.capacity = capacity
    workshop.starts_at, workshop.ends_at = _span(phases)
    fields = ["kind", "title", "project", "objective", "evaluation_plan", "neighbourhood"]
    fields += ["capacity", "starts_at", "ends_at", "updated_at"]
    try:
        with transaction.atomic():
            workshop.save(update_fields=fields)
    except IntegrityError as error:
        # Someone joined between our read and our write: the capacity constraint refused.
        raise InvalidInput(
            _("More people joined meanwhile: the capacity is too low."), field="capacity"
        ) from error
    workshop.themes.set(themes)
    workshop.sponsors.set(sponsors)
    if facilitators is not None:
        workshop.facilitators.set(facilitators)
    for kind_, start, end in phases:
        Phase.objects.update_or_create(
            workshop=workshop, kind=kind_, defaults={"starts_at": start, "ends_at": end}
        )
    workshop.status = status
    record(actor=by, verb="workshop.updated", target=workshop, public=_public_changes(workshop))
    if status == Workshop.Status.PUBLISHED:
        schedule_phase_starts(workshop)
    return workshop


def publish_problems(workshop: Workshop) -> list[str]:
    """What keeps a draft from being published (a council's proposal may lack some)."""
    problems = []
    if not workshop.objective.strip():
        problems.append(_("The workshop has no objective yet."))
    if not workshop.evaluation_plan.strip():
        problems.append(_("The workshop has no planned evaluation yet."))
    return problems


@transaction.atomic
def workshop_publish(*, workshop: Workshop, by: User | None) -> Workshop:
    """Make a draft public. Raises WorkshopStateError if it is no longer a draft."""
    problems = publish_problems(Workshop.objects.get(pk=workshop.pk))
    if problems:
        raise InvalidInput(errors={None: problems})
    now = timezone.now()
    # The status condition makes two simultaneous publications publish once.
    updated = Workshop.objects.filter(pk=workshop.pk, status=Workshop.Status.DRAFT).update(
        status=Workshop.Status.PUBLISHED, published_at=now, updated_at=now
    )
    if not updated:
        raise WorkshopStateError(_("This workshop is not a draft any more."))
    workshop.status = Workshop.Status.PUBLISHED
    workshop.published_at = now
    record(actor=by, verb="workshop.published", target=workshop)
    schedule_phase_starts(workshop)
    return workshop


@transaction.atomic
def workshop_archive(*, workshop: Workshop, by: User | None) -> Workshop:
    """Archive a workshop: it stays readable and can no longer be changed."""
    now = timezone.now()
    updated = (
        Workshop.objects.filter(pk=workshop.pk)
        .exclude(status=Workshop.Status.ARCHIVED)
        .update(status=Workshop.Status.ARCHIVED, updated_at=now)
    )
    if not updated:
        raise WorkshopStateError(_("This workshop is already archived."))
    workshop.status = Workshop.Status.ARCHIVED
    record(actor=by, verb="workshop.archived", target=workshop)
    return workshop
