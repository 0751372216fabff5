"""Who may act for a council."""

import rules
from django.utils import timezone

from ateliers.core.rules import is_city_team


@rules.predicate
def is_council_president(user, council) -> bool:
    if not user.is_authenticated or council is None:
        return False
    today = timezone.localdate()
    # Asked by several buttons of one page (propose, add a document, recommend trainings):
    # answered once per request, on the request's own user object.
    answers = user.__dict__.setdefault("_presides", {})
    key = (council.pk, today)
    if key not in answers:
        answers[key] = council.mandates.current(today).filter(user=user, role="president").exists()
    return answers[key]


rules.add_perm("councils.manage_councils", is_city_team)
