"""The workshop page's evaluation section (see sections.py)."""


def register() -> None:
    """Filled with the evaluation's pages."""
