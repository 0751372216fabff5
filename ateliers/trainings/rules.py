"""Who may do what with trainings. The catalogue is the city team's; anyone with an account
registers for a session; a workshop's team and a council's president recommend trainings."""

import rules
from django.utils import timezone

from ateliers.core.rules import is_city_team, is_logged_in
from ateliers.councils.rules import is_council_president
from ateliers.workshops.rules import can_manage_workshop, is_archived, phase_allows

rules.add_perm("trainings.manage_trainings", is_city_team)
# Whether the session still takes registrations is the service's answer, with its message.
rules.add_perm("trainings.register_for_sessions", is_logged_in)
rules.add_perm(
    "trainings.recommend_for_workshop",
    can_manage_workshop & ~is_archived & phase_allows("recommend_training"),
)
rules.add_perm("trainings.recommend_for_council", is_city_team | is_council_president)


@rules.predicate
def is_trainer(user, session) -> bool:
    return (
        user.is_authenticated
        and session is not None
        and session.training.trainer_account_id == user.pk
    )


@rules.predicate
def has_started(user, session) -> bool:
    return session is not None and session.starts_at <= timezone.now()


# After the session, the trainer (when they have an account) or the city team marks who came.
rules.add_perm("trainings.mark_attendance", (is_city_team | is_trainer) & has_started)
