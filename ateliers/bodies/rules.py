"""Who may act for a council."""

import rules
from django.utils import timezone

from ateliers.core.rules import is_city_team


@rules.predicate
def is_body_president(user, body) -> bool:
    if not user.is_authenticated or body is None:
        return False
    today = timezone.localdate()
    return body.mandates.current(today).filter(user=user, role="president").exists()


rules.add_perm("bodies.propose_workshop", is_body_president | is_city_team)
rules.add_perm("bodies.review_proposals", is_city_team)
rules.add_perm("bodies.manage_bodies", is_city_team)
