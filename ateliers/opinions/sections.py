"""What the opinion map shows on a workshop's page (core/sections.py)."""

from ateliers.core import sections
from ateliers.core.permissions import can

from . import selectors


def _conversations(request, *, workshop, **_page):
    conversations = list(selectors.conversations_of(workshop)[:10])
    if not conversations:
        return None
    return {"workshop": workshop, "conversations": conversations}


def _open(request, *, workshop, **_page):
    if not can(request.user, "opinions.open_conversation", workshop):
        return None
    return {"workshop": workshop}


def _import(request, *, workshop, **_page):
    if not can(request.user, "opinions.import_conversation", workshop):
        return None
    return {"workshop": workshop}


def register() -> None:
    sections.register(
        "workshop_debate",
        "opinion_map",
        template="opinions/sections/conversations.html",
        context=_conversations,
    )
    sections.register(
        "workshop_actions",
        "open_conversation",
        template="opinions/sections/open_conversation.html",
        context=_open,
        order=130,
    )
    sections.register(
        "workshop_actions",
        "import_conversation",
        template="opinions/sections/import_conversation.html",
        context=_import,
        order=131,
    )
