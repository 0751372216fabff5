"""Who may add and change documents, and who may read them.

A workshop's documents are its team's (facilitators and the city's staff) from its
preparation until its last phase ends; a council's are its president's and the city's.
Reading follows the workshop: public once it is published, its team's while a draft.
"""

import rules

from ateliers.core.rules import is_city_team
from ateliers.councils.rules import is_council_president
from ateliers.workshops.rules import can_manage_workshop, is_archived, phase_allows

can_add_to_workshop = can_manage_workshop & ~is_archived & phase_allows("add_document")
can_add_to_council = is_city_team | is_council_president


@rules.predicate
def can_change_document(user, document) -> bool:
    if document is None:
        return False
    if document.workshop_id:
        return can_add_to_workshop.test(user, document.workshop)
    return can_add_to_council.test(user, document.council)


@rules.predicate
def can_read_document(user, document) -> bool:
    if document is None:
        return False
    if document.workshop_id:
        return rules.has_perm("workshops.view_workshop", user, document.workshop)
    return True


rules.add_perm("documents.add_workshop_document", can_add_to_workshop)
rules.add_perm("documents.add_council_document", can_add_to_council)
rules.add_perm("documents.change_document", can_change_document)
rules.add_perm("documents.view_document", can_read_document)
