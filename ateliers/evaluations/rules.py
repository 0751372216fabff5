"""Who may evaluate a workshop, and when: in the closing window after its presentation phase,
its team writes and publishes the evaluation and invites the participants to the questionnaire;
the participants answer while it is open."""

import rules

from ateliers.workshops.rules import (
    can_manage_workshop,
    is_archived,
    is_participant,
    is_published,
    phase_allows,
)

shown = is_published | is_archived
rules.add_perm(
    "evaluations.write_evaluation", shown & phase_allows("write_evaluation") & can_manage_workshop
)
rules.add_perm(
    "evaluations.open_questionnaire",
    shown & phase_allows("open_questionnaire") & can_manage_workshop,
)
rules.add_perm(
    "evaluations.answer_questionnaire",
    shown & phase_allows("answer_questionnaire") & is_participant,
)
# The free answers ("what should change") are read by the team only: a sentence can give its
# author away where a rating cannot.
rules.add_perm("evaluations.read_free_answers", shown & can_manage_workshop)
