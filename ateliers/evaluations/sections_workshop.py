"""The evaluation on a workshop's page (core/sections.py): once the workshop has ended, its
outcome in one line with a link to the evaluation, or that it is to come (one query), after
the town hall's section. That part of the page is kept alike for everyone, so the team's
link to write the evaluation goes with the team's actions instead: shown in the closing
window until the evaluation is published (one query, for the team only)."""

from ateliers.core import sections
from ateliers.core.permissions import can

from . import selectors_workshop as selectors


def _evaluation(request, *, workshop, **_page):
    if not selectors.has_ended(workshop):
        return None
    return {"workshop": workshop, "line": selectors.evaluation_line(workshop)}


def _write(request, *, workshop, **_page):
    if not can(request.user, "evaluations.write_evaluation", workshop):
        return None
    if selectors.evaluation_line(workshop).published_at is not None:
        return None  # published: nothing left to write
    return {"workshop": workshop}


def register() -> None:
    sections.register(
        "workshop_recommendations",
        "evaluation",
        template="evaluations/workshop/section.html",
        context=_evaluation,
        order=120,
    )
    sections.register(
        "workshop_actions",
        "write_evaluation",
        template="evaluations/workshop/section_actions.html",
        context=_write,
        order=140,
    )
