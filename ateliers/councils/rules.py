"""Who may act for a council."""

import rules
from django.utils import timezone

from ateliers.core.rules import is_city_team


@rules.predicate
def is_council_president(user, council) -> bool:
    if not user.is_authenticated or council is None:
        return False
    today = timezone.localdate()
    return council.mandates.current(today).filter(user=user, role="president").exists()


rules.add_perm("councils.manage_councils", is_city_team)
