"""What the site's services log (see ateliers/activity/verbs.py)."""

from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs


def register() -> None:
    verbs.register(
        "account.deleted",
        _("A person deleted their account; what they wrote stays, as a deleted participant's."),
        label=_("Account deleted"),
    )
