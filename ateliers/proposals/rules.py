"""Who may propose a workshop for a council, and who answers."""

import rules

from ateliers.core.rules import is_city_team
from ateliers.councils.rules import is_council_president

rules.add_perm("proposals.propose_workshop", is_council_president | is_city_team)
rules.add_perm("proposals.review_proposals", is_city_team)
