"""Writes for workshop proposals: a council proposes, the city accepts (a draft workshop) or
declines."""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.activity.services import record
from ateliers.core.errors import Collected, StateChanged
from ateliers.core.models import Neighbourhood, Theme, User
from ateliers.core.names import clean_name
from ateliers.councils.models import Council
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import default_phase_bounds
from ateliers.workshops.services.lifecycle import workshop_create

from .models import WorkshopProposal

# A workshop made from a proposal starts as a draft with these dates; staff adjust them.
PROPOSAL_START_DELAY = datetime.timedelta(days=14)
PROPOSAL_DURATION = datetime.timedelta(days=120)


class ProposalAlreadyDecided(StateChanged):
    default_message = _("This proposal has already been answered: nothing was changed.")


def validate_proposal_fields(*, kind: str, neighbourhood: Neighbourhood | None) -> None:
    errors = Collected()
    if kind not in Workshop.Kind.values:
        errors.add("kind", _("Choose the kind of workshop."))
    if kind == Workshop.Kind.NEIGHBOURHOOD and neighbourhood is None:
        errors.add("neighbourhood", _("Choose the neighbourhood of this neighbourhood workshop."))
    errors.raise_if_any()


@transaction.atomic
def proposal_create(
    *,
    council: Council,
    submitted_by: User,
    kind: str,
    title: str,
    rationale: str,
    objective: str = "",
    neighbourhood: Neighbourhood | None = None,
    themes: Iterable[Theme] = (),
) -> WorkshopProposal:
    title = clean_name(title, field="title")
    validate_proposal_fields(kind=kind, neighbourhood=neighbourhood)
    proposal = WorkshopProposal.objects.create(
        council=council,
        submitted_by=submitted_by,
        kind=kind,
        title=title,
        rationale=rationale,
        objective=objective,
        # A city workshop covers the whole city, whatever was picked.
        neighbourhood=neighbourhood if kind == Workshop.Kind.NEIGHBOURHOOD else None,
    )
    proposal.themes.set(themes)
    record(
        actor=submitted_by,
        verb="proposal.submitted",
        target=proposal,
        data={"council": council.name},
    )
    return proposal


def _claim(*, proposal: WorkshopProposal, status: str, now: datetime.datetime) -> None:
    """Move a pending proposal to `status`, or fail if someone decided it first.

    A conditional UPDATE: of two staff clicking at once, exactly one changes the row.
    """
    claimed = WorkshopProposal.objects.filter(
        pk=proposal.pk, status=WorkshopProposal.Status.PENDING
    ).update(status=status, decided_at=now)
    if not claimed:
        raise ProposalAlreadyDecided()
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
        sponsors=[proposal.council],
        phases=default_phase_bounds(starts_at, ends_at),
        proposed_by=proposal.council,
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
    record(
        actor=accepted_by,
        verb="proposal.accepted",
        target=proposal,
        data={"council": proposal.council.name, "workshop": workshop.title},
    )
    return workshop


@transaction.atomic
def proposal_decline(
    *, proposal: WorkshopProposal, by: User | None, now: datetime.datetime | None = None
) -> WorkshopProposal:
    _claim(proposal=proposal, status=WorkshopProposal.Status.DECLINED, now=now or timezone.now())
    record(
        actor=by, verb="proposal.declined", target=proposal, data={"council": proposal.council.name}
    )
    return proposal
