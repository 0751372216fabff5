"""What the debate shows on a workshop's page (core/sections.py): its topics and their
counts, once there are any or once the debate phase has come."""

from ateliers.core import sections

from . import selectors


def _debate(request, *, workshop, **_page):
    return {"workshop": workshop, "topics": selectors.topics_of(workshop)}


def register() -> None:
    sections.register(
        "workshop_debate", "debate", template="debate/sections/debate.html", context=_debate
    )
