"""Who may do what with the opinion map. Participants of a workshop and its team write
statements and vote while the debate phase runs on a published workshop; the team opens
conversations and reviews statements then; everyone who may see the workshop reads its
conversations and their results. Nobody, the team included, ever sees another person's
votes."""

import rules

from ateliers.core.rules import is_city_team
from ateliers.workshops.rules import (
    can_manage_workshop,
    is_archived,
    is_published,
    of_its_workshop,
    phase_allows,
    takes_part,
)

can_open = can_manage_workshop & ~is_archived & phase_allows("open_conversation")
can_write = is_published & phase_allows("write_statement") & takes_part
can_vote = is_published & phase_allows("vote_on_statements") & takes_part
can_moderate = can_manage_workshop & ~is_archived & phase_allows("moderate_statements")
can_view = is_published | is_archived | can_manage_workshop

rules.add_perm("opinions.open_conversation", can_open)
# A city brings a conversation held on Polis into a workshop (opinions_import, or its page).
rules.add_perm("opinions.import_conversation", is_city_team & ~is_archived)
rules.add_perm("opinions.view_conversation", of_its_workshop(can_view, "can_view_conversation"))
rules.add_perm("opinions.write_statement", of_its_workshop(can_write, "can_write_statement"))
rules.add_perm("opinions.vote", of_its_workshop(can_vote, "can_vote"))
rules.add_perm(
    "opinions.moderate_statements", of_its_workshop(can_moderate, "can_moderate_statements")
)
# The Polis export: anonymous numbers only, for the team to audit or publish.
rules.add_perm("opinions.export_conversation", of_its_workshop(can_manage_workshop, "can_export"))
