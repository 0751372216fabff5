"""The evaluations' parts of other apps' pages (core/sections.py): the workshop's evaluation
and questionnaire on its page (sections_workshop.py)."""

from . import sections_workshop


def register() -> None:
    sections_workshop.register()
