"""Who may do what with trainings. The catalogue is the city team's; anyone with an account
registers for a session; a workshop's team and a council's president recommend trainings."""

import rules

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
