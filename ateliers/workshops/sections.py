"""What the workshops app shows on other apps' pages (see core/sections.py)."""

from django.utils import timezone

from ateliers.core import sections

from . import selectors


def _council_workshops(request, *, council, **_page):
    return {
        "workshops": list(selectors.council_public_workshops(council=council)),
        "now": timezone.now(),
    }


def register() -> None:
    sections.register(
        "council_detail",
        "workshops",
        template="workshops/sections/council_workshops.html",
        context=_council_workshops,
    )
