"""What the councils' services log (see ateliers/activity/verbs.py)."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs

from .models import Mandate


def _mandate_words(data: dict) -> dict:
    words = {"role": Mandate.Role(data["role"]).label if data.get("role") else ""}
    if data.get("starts_on"):
        words["starts_on"] = date_format(datetime.date.fromisoformat(data["starts_on"]), "j F Y")
    return words


def register() -> None:
    verbs.register(
        "council.created",
        _("%(actor)s created the council."),
        label=_("Council created"),
        public=True,
    )
    verbs.register(
        "council.updated",
        _("%(actor)s updated the council's details."),
        label=_("Council updated"),
        public=True,
    )
    verbs.register(
        "mandate.created",
        _("%(actor)s added the mandate of %(member)s (%(role)s) from %(starts_on)s."),
        label=_("Mandate added"),
        public=True,
        describe=_mandate_words,
    )
    verbs.register(
        "mandate.updated",
        _("%(actor)s changed the mandate of %(member)s (%(role)s)."),
        label=_("Mandate changed"),
        public=True,
        describe=_mandate_words,
    )
    # Deleting erases a mandate from the council's page: only the team's log keeps it.
    verbs.register(
        "mandate.deleted",
        _("%(actor)s deleted the mandate of %(member)s (%(role)s)."),
        label=_("Mandate deleted"),
        describe=_mandate_words,
    )
