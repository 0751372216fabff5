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
