"""What the proposals' services log (see ateliers/activity/verbs.py). Proposals are read by
the city's team only, so their actions are in the team's log only."""

from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs


def register() -> None:
    verbs.register(
        "proposal.submitted",
        _("%(actor)s proposed a workshop on behalf of %(council)s."),
        label=_("Workshop proposed"),
    )
    verbs.register(
        "proposal.accepted",
        _("%(actor)s accepted the proposal of %(council)s: it became the draft “%(workshop)s”."),
        label=_("Proposal accepted"),
    )
    verbs.register(
        "proposal.declined",
        _("%(actor)s declined the proposal of %(council)s."),
        label=_("Proposal declined"),
    )
