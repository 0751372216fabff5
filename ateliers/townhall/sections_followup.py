"""Sections of other apps' pages (see sections.py)."""


def register() -> None:
    """Nothing yet."""
