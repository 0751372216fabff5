"""The town hall's parts of pages that belong to apps below it (core/sections.py): the
workshop's delegates and hearing (sections_delegates.py), a recommendation's road to the town
hall (sections_followup.py)."""

from . import sections_delegates, sections_followup


def register() -> None:
    sections_delegates.register()
    sections_followup.register()
