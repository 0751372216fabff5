"""Who may organise meetings, and who may see who registered. A workshop's team plans its
meetings from its preparation to its last phase, a council's president and the city team
the council's; people with an account register."""

import rules

from ateliers.core.rules import is_city_team, is_logged_in
from ateliers.councils.rules import is_council_president
from ateliers.workshops.rules import can_manage_workshop, is_archived, phase_allows

can_plan_for_workshop = can_manage_workshop & ~is_archived & phase_allows("plan_meeting")
can_plan_for_council = is_city_team | is_council_president


@rules.predicate
def organises(user, meeting) -> bool:
    """The organisers of a meeting: its workshop's team (not once archived), or its council's
    president and the city team. They change it, close it, and see who registered."""
    if meeting is None:
        return False
    if meeting.workshop_id:
        return (can_manage_workshop & ~is_archived).test(user, meeting.workshop)
    return can_plan_for_council.test(user, meeting.council)


@rules.predicate
def can_see_meeting(user, meeting) -> bool:
    if meeting is None:
        return False
    if meeting.workshop_id:
        return rules.has_perm("workshops.view_workshop", user, meeting.workshop)
    return True


rules.add_perm("meetings.plan_workshop_meeting", can_plan_for_workshop)
rules.add_perm("meetings.plan_council_meeting", can_plan_for_council)
rules.add_perm("meetings.organise_meeting", organises)
rules.add_perm("meetings.view_meeting", can_see_meeting)
rules.add_perm("meetings.register_for_meetings", is_logged_in)
