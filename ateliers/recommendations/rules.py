"""Who may do what with a workshop's recommendations. Its participants and its team draft and
support them while the recommendations phase runs on a published workshop; authors (and only
they) change them and add co-authors then; whoever may see the workshop reads them."""

import rules
from django.core.exceptions import ObjectDoesNotExist

from ateliers.workshops.rules import (
    can_manage_workshop,
    is_archived,
    is_participant,
    is_published,
    of_its_workshop,
    phase_allows,
    takes_part,
)


def _about_workshop(predicate, name: str):
    """`predicate` of the workshop, asked about one of its recommendations (or the workshop)."""
    return of_its_workshop(
        predicate, name, workshop_of=lambda target: getattr(target, "workshop", target)
    )


@rules.predicate
def is_author(user, recommendation) -> bool:
    if recommendation is None or not user.is_authenticated:
        return False
    # Reads the prefetch of the recommendation's page when there is one.
    return any(author.user_id == user.pk for author in recommendation.authors.all())


@rules.predicate
def is_draft(user, recommendation) -> bool:
    return recommendation is not None and recommendation.status == recommendation.Status.DRAFT


@rules.predicate
def adoption_opened(user, workshop) -> bool:
    """The adoption is open: nothing is drafted any more (adoption.py)."""
    if workshop is None:
        return False
    # Django keeps the answer on the workshop, missing or not: one query per page.
    try:
        return workshop.adoption_opening is not None
    except ObjectDoesNotExist:
        return False


may_draft = is_published & phase_allows("draft_recommendation") & takes_part & ~adoption_opened
may_support = is_published & phase_allows("support_recommendation") & takes_part

rules.add_perm(
    "recommendations.view_recommendation",
    _about_workshop(is_published | is_archived | can_manage_workshop, "recommendation_visible"),
)
rules.add_perm("recommendations.draft_recommendation", may_draft)
rules.add_perm(
    "recommendations.change_recommendation",
    is_author & is_draft & _about_workshop(may_draft, "recommendation_may_edit"),
)
rules.add_perm(
    "recommendations.add_coauthor",
    is_author & is_draft & _about_workshop(may_draft, "recommendation_may_add_coauthor"),
)
rules.add_perm(
    "recommendations.support_recommendation",
    _about_workshop(may_support, "recommendation_may_support"),
)

# --- The adoption (adoption.py): the team opens it at the end of the recommendations phase
# and records how each recommendation was decided, and dissenting opinions, then and in the
# presentation phase; the participants (only they) vote online. Asked about the workshop.
may_manage_adoption = is_published & can_manage_workshop
rules.add_perm("recommendations.open_adoption", may_manage_adoption & phase_allows("open_adoption"))
rules.add_perm(
    "recommendations.record_adoption", may_manage_adoption & phase_allows("record_adoption")
)
rules.add_perm(
    "recommendations.record_dissent", may_manage_adoption & phase_allows("record_adoption")
)
rules.add_perm(
    "recommendations.vote_adoption",
    is_published & phase_allows("vote_on_adoption") & is_participant,
)
# Amendments (recommendations/amendments.py): proposed by whoever takes part, answered by the
# recommendation's authors, a rejected one put to the adoption by its author or the team; all
# on a draft while the phase allows amendments. `answer_amendment` may be asked about an
# amendment or about its recommendation (its page asks once for all its amendments).
may_amend = is_published & phase_allows("amend_recommendation")


def _recommendation_of(target):
    return getattr(target, "recommendation", target)


def _about_recommendation(predicate, name: str):
    @rules.predicate(name=name)
    def asked(user, target) -> bool:
        return target is not None and predicate.test(user, _recommendation_of(target))

    return asked


@rules.predicate
def is_amendment_author(user, amendment) -> bool:
    return user.is_authenticated and amendment is not None and amendment.author_id == user.pk


@rules.predicate
def is_rejected_amendment(user, amendment) -> bool:
    return amendment is not None and amendment.status == amendment.Status.REJECTED


@rules.predicate
def is_put_to_vote(user, amendment) -> bool:
    return amendment is not None and amendment.put_to_vote


def _amendment_workshop(predicate, name: str):
    return of_its_workshop(
        predicate, name, workshop_of=lambda amendment: amendment.recommendation.workshop
    )


rules.add_perm(
    "recommendations.propose_amendment",
    is_draft & _about_workshop(may_amend & takes_part, "recommendation_may_amend"),
)
rules.add_perm(
    "recommendations.answer_amendment",
    _about_recommendation(
        is_author
        & is_draft
        & _about_workshop(may_amend & takes_part, "recommendation_may_answer_amendment"),
        "amendment_may_answer",
    ),
)
rules.add_perm(
    "recommendations.put_amendment_to_vote",
    (is_amendment_author | _amendment_workshop(can_manage_workshop, "amendment_team"))
    & is_rejected_amendment
    & ~is_put_to_vote
    & _about_recommendation(is_draft, "amendment_of_a_draft")
    & _amendment_workshop(may_amend, "amendment_may_put_to_vote"),
)
# The workshop's dossier for the town hall: its page is as public as the workshop; its team
# and the city team make its PDF from the recommendations phase on, after the end too.
rules.add_perm(
    "recommendations.make_dossier",
    (is_published | is_archived) & can_manage_workshop & phase_allows("make_dossier"),
)
