"""Who may do what with a workshop's recommendations. Its participants and its team draft and
support them while the recommendations phase runs on a published workshop; authors (and only
they) change them and add co-authors then; whoever may see the workshop reads them."""

import rules

from ateliers.workshops.rules import (
    can_manage_workshop,
    is_archived,
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


may_draft = is_published & phase_allows("draft_recommendation") & takes_part
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

# The workshop's dossier for the town hall: its page is as public as the workshop; its team
# and the city team make its PDF from the recommendations phase on, after the end too.
rules.add_perm(
    "recommendations.make_dossier",
    (is_published | is_archived) & can_manage_workshop & phase_allows("make_dossier"),
)
