"""The town hall's part of a workshop's dossier (recommendations/dossier_parts.py): who its
delegates are, by their public names, and how they were chosen; when and by whom it is (or
was) heard. Two queries: the delegates with their accounts and delegation, the hearing."""

from django.utils import timezone

from . import selectors_delegates
from .selectors import hearing_of


def delegates_and_hearing(workshop) -> dict:
    delegates = selectors_delegates.section_delegates(workshop)
    delegation = delegates[0].delegation if delegates else None
    hearing = hearing_of(workshop)
    return {
        "delegates": [str(delegate.user.public_name) for delegate in delegates],
        "method": delegation.method if delegation else "",
        "chosen_at": delegation.decided_at if delegation else None,
        "hearing": {
            "body": hearing.session.body.name,
            "starts_at": hearing.session.starts_at,
            "place": hearing.session.place,
            "heard": hearing.session.starts_at <= timezone.now(),
        }
        if hearing is not None
        else None,
    }


def register() -> None:
    from ateliers.recommendations import dossier_parts

    dossier_parts.register(
        "townhall",
        template="townhall/dossier/part.html",
        context=delegates_and_hearing,
        order=10,
    )
