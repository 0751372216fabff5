"""What the opinion map's services log. Votes and statements are not logged: votes are
secret, and a statement is shown without its author."""

from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs


def register() -> None:
    verbs.register(
        "conversation.opened",
        _("%(actor)s opened the conversation “%(question)s” of the opinion map."),
        label=_("Conversation opened"),
        public=True,
    )
    verbs.register(
        "conversation.imported",
        _(
            "%(actor)s imported the conversation “%(question)s” from Polis "
            "(%(statements)s statements, %(votes)s votes)."
        ),
        label=_("Conversation imported from Polis"),
        public=True,
    )
    # The review of statements is the team's business: only the team's log.
    verbs.register(
        "statement.accepted",
        _("%(actor)s accepted the statement “%(statement)s” in “%(question)s”."),
        label=_("Statement accepted"),
    )
    verbs.register(
        "statement.rejected",
        _("%(actor)s rejected the statement “%(statement)s” in “%(question)s”: %(reason)s"),
        label=_("Statement rejected"),
    )
