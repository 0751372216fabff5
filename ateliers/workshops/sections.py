"""What the workshops app shows on other apps' pages (see core/sections.py)."""

from django.utils import timezone

from ateliers.core import sections

from . import selectors

# How many of a council's workshops its page shows before "all its workshops".
COUNCIL_WORKSHOPS_SHOWN = 6


def _council_workshops(request, *, council, **_page):
    workshops = list(
        selectors.council_public_workshops(council=council)[: COUNCIL_WORKSHOPS_SHOWN + 1]
    )
    return {
        "council": council,
        "workshops": workshops[:COUNCIL_WORKSHOPS_SHOWN],
        "more": len(workshops) > COUNCIL_WORKSHOPS_SHOWN,
        "now": timezone.now(),
    }


def register() -> None:
    sections.register(
        "council_detail",
        "workshops",
        template="workshops/sections/council_workshops.html",
        context=_council_workshops,
    )
