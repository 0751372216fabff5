"""The town hall's part of pages that belong to apps below it (core/sections.py)."""


def register() -> None:
    """Filled as the pages come (the recommendation's follow-up, the workshop's delegates)."""
