"""Who may do what to a workshop, and when. Phases decide through `phase_allows`, whose
answers come from the features each app registers (workshops/features.py)."""

import rules
from django.utils import timezone

from ateliers.core.rules import is_city_team, is_facilitator, is_logged_in

from . import features, selectors
from .phases import PhaseKind


def phase_allows(feature: str):
    """A predicate true while the workshop's current phase allows `feature`."""

    @rules.predicate(name=f"phase_allows_{feature}")
    def predicate(user, workshop) -> bool:
        if workshop is None:
            return False
        now = timezone.now()
        phase = workshop.phase_at(now)
        if phase is None:
            declared = features.get(feature)
            if now < workshop.starts_at:
                return declared.before_start
            return now >= workshop.ends_at and features.allows_after_end(
                feature, now - workshop.ends_at
            )
        return phase.allows(feature)

    return predicate


@rules.predicate
def is_published(user, workshop) -> bool:
    return workshop is not None and workshop.status == workshop.Status.PUBLISHED


@rules.predicate
def is_draft(user, workshop) -> bool:
    return workshop is not None and workshop.status == workshop.Status.DRAFT


@rules.predicate
def is_archived(user, workshop) -> bool:
    return workshop is not None and workshop.status == workshop.Status.ARCHIVED


@rules.predicate
def is_workshop_facilitator(user, workshop) -> bool:
    if not user.is_authenticated or workshop is None:
        return False
    # Reads a prefetch when the view made one, so a permission check costs no query there.
    return any(person.pk == user.pk for person in workshop.facilitators.all())


@rules.predicate
def is_participant(user, workshop) -> bool:
    if not user.is_authenticated or workshop is None:
        return False
    return workshop.participations.filter(user=user).exists()


@rules.predicate
def registrations_open(user, workshop) -> bool:
    """Someone could join now: published, in a phase that allows joining, seats left."""
    if workshop is None:
        return False
    state = selectors.registration_state(workshop=workshop, now=timezone.now())
    return state.status == selectors.Registration.OPEN


@rules.predicate
def leaving_open(user, workshop) -> bool:
    return workshop is not None and selectors.leaving_open(workshop=workshop, now=timezone.now())


can_manage_workshop = is_workshop_facilitator | is_city_team


def of_its_workshop(predicate, name: str, *, workshop_of=lambda target: target.workshop):
    """`predicate` of a workshop, asked about something of the workshop's (a conversation, a
    recommendation, a debate topic…): `workshop_of` finds the workshop."""

    @rules.predicate(name=name)
    def asked(user, target) -> bool:
        if target is None:
            return False
        return predicate.test(user, workshop_of(target))

    return asked


# Who takes part in a workshop's debate, opinion map and recommendations: its participants
# and its team (the cheap tests first: is_participant reads the database).
takes_part = can_manage_workshop | is_participant

rules.add_perm("workshops.add_workshop", is_facilitator | is_city_team)
rules.add_perm("workshops.view_workshop", is_published | is_archived | can_manage_workshop)
# Managing covers the management pages; what each action then allows depends on the state.
rules.add_perm("workshops.manage_workshop", can_manage_workshop)
rules.add_perm("workshops.change_workshop", can_manage_workshop & ~is_archived)
rules.add_perm("workshops.publish_workshop", can_manage_workshop & is_draft)
rules.add_perm("workshops.archive_workshop", can_manage_workshop & ~is_archived)
rules.add_perm("workshops.view_participants", can_manage_workshop)
# Choosing who facilitates a workshop is the city team's call, not a facilitator's.
rules.add_perm("workshops.assign_facilitators", is_city_team)
# Joining and leaving are for people with an account, while the phases allow it. Whether
# they already joined is the service's business: it answers with a clear message instead of
# a bare refusal.
rules.add_perm("workshops.join_workshop", is_logged_in & registrations_open)
rules.add_perm("workshops.leave_workshop", is_logged_in & leaving_open & is_participant)
# The public history of a workshop is as public as the workshop.
rules.add_perm("workshops.view_history", is_published | is_archived | can_manage_workshop)

__all__ = ["PhaseKind", "phase_allows"]
