"""Writes for the councils: councils, mandates, and the workshops they propose."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ateliers.core.models import Neighbourhood, Theme, User
from ateliers.core.slugs import unique_slug
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import default_phase_bounds
from ateliers.workshops.services.lifecycle import workshop_create

from .models import Body, Mandate, WorkshopProposal

# A workshop made from a proposal starts as a draft with these dates; staff adjust them.
PROPOSAL_START_DELAY = datetime.timedelta(days=14)
PROPOSAL_DURATION = datetime.timedelta(days=120)


class ProposalAlreadyDecided(Exception):
    """Someone accepted or declined the proposal first."""


# The rules, shared with the forms so each is written once


# Councils tied to one neighbourhood by nature.
TERRITORIAL_KINDS = {Body.Kind.NEIGHBOURHOOD, Body.Kind.CITIZENS}


def validate_body_fields(*, kind: str, neighbourhood: Neighbourhood | None) -> None:
    if kind in TERRITORIAL_KINDS and neighbourhood is None:
        raise ValidationError({"neighbourhood": _("Choose the neighbourhood of this council.")})


def validate_mandate_dates(*, starts_on: datetime.date, ends_on: datetime.date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The mandate cannot end before it starts.")})


def validate_proposal_fields(*, kind: str, neighbourhood: Neighbourhood | None) -> None:
    if kind == Workshop.Kind.NEIGHBOURHOOD and neighbourhood is None:
        raise ValidationError(
            {"neighbourhood": _("Choose the neighbourhood of this neighbourhood workshop.")}
        )


# Councils


@transaction.atomic
def body_create(
    *,
    kind: str,
    name: str,
    description: str = "",
    neighbourhood: Neighbourhood | None = None,
    themes: Iterable[Theme] = (),
) -> Body:
    validate_body_fields(kind=kind, neighbourhood=neighbourhood)
    body = Body.objects.create(
        kind=kind,
        name=name,
        slug=unique_slug(Body, name, fallback="conseil"),
        description=description,
        neighbourhood=neighbourhood,
    )
    body.themes.set(themes)
    return body


@transaction.atomic
def body_update(
    *,
    body: Body,
    kind: str,
    name: str,
    description: str,
    neighbourhood: Neighbourhood | None,
    themes: Iterable[Theme],
) -> Body:
    validate_body_fields(kind=kind, neighbourhood=neighbourhood)
    # The slug stays: links to the council's page keep working after a rename.
    body.kind = kind
    body.name = name
    body.description = description
    body.neighbourhood = neighbourhood
    body.save(update_fields=["kind", "name", "description", "neighbourhood"])
    body.themes.set(themes)
    return body


# Mandates


def _check_mandate(
    *,
    body: Body,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    exclude_pk: int | None = None,
) -> None:
    validate_mandate_dates(starts_on=starts_on, ends_on=ends_on)
    if role != Mandate.Role.PRESIDENT:
        return
    # Two presidents at the same time: any president mandate whose dates overlap.
    overlap = Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    if ends_on is not None:
        overlap &= Q(starts_on__lte=ends_on)
    rival = (
        Mandate.objects.filter(overlap, body=body, role=Mandate.Role.PRESIDENT)
        .exclude(pk=exclude_pk)
        .select_related("user")
        .first()
    )
    if rival is not None:
        raise ValidationError(
            {
                "role": _(
                    "This council already has a president for these dates: %(name)s. "
                    "End that mandate first, or choose other dates."
                )
                % {"name": rival.user.public_name}
            }
        )


def _lock_body(body: Body) -> None:
    # Serialises mandate writes per council (PostgreSQL row lock; SQLite's IMMEDIATE
    # transactions already queue writers), so two presidents cannot slip in together.
    Body.objects.select_for_update().filter(pk=body.pk).exists()


@transaction.atomic
def mandate_create(
    *,
    body: Body,
    user: User,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
) -> Mandate:
    _lock_body(body)
    _check_mandate(body=body, role=role, starts_on=starts_on, ends_on=ends_on)
    return Mandate.objects.create(
        body=body, user=user, role=role, starts_on=starts_on, ends_on=ends_on
    )


@transaction.atomic
def mandate_update(
    *,
    mandate: Mandate,
    role: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
) -> Mandate:
    _lock_body(mandate.body)
    _check_mandate(
        body=mandate.body, role=role, starts_on=starts_on, ends_on=ends_on, exclude_pk=mandate.pk
    )
    mandate.role = role
    mandate.starts_on = starts_on
    mandate.ends_on = ends_on
    mandate.save(update_fields=["role", "starts_on", "ends_on"])
    return mandate


@transaction.atomic
def mandate_delete(*, mandate: Mandate) -> None:
    mandate.delete()


# Proposals


@transaction.atomic
def proposal_create(
    *,
    body: Body,
    submitted_by: User,
    kind: str,
    title: str,
    rationale: str,
    objective: str = "",
    neighbourhood: Neighbourhood | None = None,
    themes: Iterable[Theme] = (),
) -> WorkshopProposal:
    validate_proposal_fields(kind=kind, neighbourhood=neighbourhood)
    proposal = WorkshopProposal.objects.create(
        body=body,
        submitted_by=submitted_by,
        kind=kind,
        title=title,
        rationale=rationale,
        objective=objective,
        # A city workshop covers the whole city, whatever was picked.
        neighbourhood=neighbourhood if kind == Workshop.Kind.NEIGHBOURHOOD else None,
    )
    proposal.themes.set(themes)
    return proposal


def _claim(*, proposal: WorkshopProposal, status: str, now: datetime.datetime) -> None:
    """Move a pending proposal to `status`, or fail if someone decided it first.

    A conditional UPDATE: of two staff clicking at once, exactly one changes the row.
    """
    claimed = WorkshopProposal.objects.filter(
        pk=proposal.pk, status=WorkshopProposal.Status.PENDING
    ).update(status=status, decided_at=now)
    if not claimed:
        raise ProposalAlreadyDecided
    proposal.status = status
    proposal.decided_at = now


def _create_draft_workshop(*, proposal: WorkshopProposal, created_by: User, now) -> Workshop:
    starts_at = now.replace(minute=0, second=0, microsecond=0) + PROPOSAL_START_DELAY
    ends_at = starts_at + PROPOSAL_DURATION
    return workshop_create(
        created_by=created_by,
        kind=proposal.kind,
        title=proposal.title,
        project=proposal.rationale,
        objective=proposal.objective,
        evaluation_plan="",
        neighbourhood=proposal.neighbourhood,
        themes=list(proposal.themes.all()),
        sponsors=[proposal.body],
        phases=default_phase_bounds(starts_at, ends_at),
        proposed_by=proposal.body,
    )


@transaction.atomic
def proposal_accept(
    *, proposal: WorkshopProposal, accepted_by: User, now: datetime.datetime | None = None
) -> Workshop:
    """Turn a pending proposal into a draft workshop, sponsored by the proposing council."""
    now = now or timezone.now()
    _claim(proposal=proposal, status=WorkshopProposal.Status.ACCEPTED, now=now)
    workshop = _create_draft_workshop(proposal=proposal, created_by=accepted_by, now=now)
    WorkshopProposal.objects.filter(pk=proposal.pk).update(workshop=workshop)
    proposal.workshop = workshop
    return workshop


@transaction.atomic
def proposal_decline(
    *, proposal: WorkshopProposal, now: datetime.datetime | None = None
) -> WorkshopProposal:
    _claim(proposal=proposal, status=WorkshopProposal.Status.DECLINED, now=now or timezone.now())
    return proposal
