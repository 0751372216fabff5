"""What the platform measures of a workshop, for its evaluation's indicators."""

from ateliers.workshops.models import Workshop


def measured_values(workshop: Workshop) -> dict[str, str]:
    """Each measure's value today, as shown ("120", "45 %"), by Measure key. Filled by the
    evaluation's pages (a fixed number of queries)."""
    return {}
