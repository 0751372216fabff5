"""Who may do what on the road to the town hall. The city team runs the town hall's side: its
bodies, sessions, agendas and outcomes, the councils' submissions, the answers and the
milestones; an elected official records nothing here (the staff of their service do). The
workshop's side follows its phases: its participants volunteer and its team records the choice
of delegates at the end of the recommendations phase and in the presentation; its dossier goes
on an agenda and its recommendations are answered from the presentation on, after its end too."""

import rules

from ateliers.core.rules import is_city_team
from ateliers.workshops.rules import (
    can_manage_workshop,
    is_archived,
    is_participant,
    is_published,
    phase_allows,
)

rules.add_perm("townhall.manage_townhall", is_city_team)
rules.add_perm(
    "townhall.volunteer_as_delegate",
    is_published & phase_allows("choose_delegates") & is_participant,
)
rules.add_perm(
    "townhall.choose_delegates",
    is_published & phase_allows("choose_delegates") & can_manage_workshop,
)
rules.add_perm(
    "townhall.put_dossier_on_agenda",
    (is_published | is_archived) & phase_allows("hear_workshop") & is_city_team,
)
rules.add_perm(
    "townhall.answer_recommendation",
    (is_published | is_archived) & phase_allows("answer_recommendation") & is_city_team,
)
