"""What the debate's services log. The topics' opening and conclusion and the moderators'
decisions are public; who posts, replies and reports is in the team's log only (the posts
themselves are public on their topic)."""

from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs


def register() -> None:
    verbs.register(
        "debate.topic_opened",
        _("%(actor)s opened the debate topic “%(title)s”."),
        label=_("Debate topic opened"),
        public=True,
    )
    verbs.register(
        "debate.synthesis_written",
        _("%(actor)s wrote the synthesis of the debate topic “%(title)s”."),
        label=_("Debate synthesis written"),
        public=True,
    )
    verbs.register(
        "debate.topic_closed",
        _("%(actor)s closed the debate topic “%(title)s” with its conclusion."),
        label=_("Debate topic closed"),
        public=True,
    )
    verbs.register(
        "debate.hidden",
        _("%(actor)s hid a contribution to “%(title)s”: %(reason)s"),
        label=_("Contribution hidden by moderation"),
        public=True,
    )
    verbs.register(
        "debate.restored",
        _("%(actor)s restored a contribution to “%(title)s”."),
        label=_("Contribution restored by moderation"),
        public=True,
    )
    verbs.register(
        "debate.auto_hidden",
        _(
            "A contribution to “%(title)s” was hidden after several reports, until a moderator "
            "decides."
        ),
        label=_("Contribution hidden after reports"),
    )
    # A withdrawn text must leave the cached pages at once.
    verbs.register(
        "debate.deleted",
        _("%(actor)s deleted a contribution to “%(title)s”."),
        label=_("Contribution deleted"),
    )
    # Posts are many and show on their topic: they do not make every cached page stale.
    for verb, sentence, label in (
        ("debate.posted", _("%(actor)s posted in “%(title)s”."), _("Contribution posted")),
        ("debate.replied", _("%(actor)s replied in “%(title)s”."), _("Reply posted")),
        ("debate.reported", _("%(actor)s reported a contribution."), _("Contribution reported")),
        (
            "debate.review_asked",
            _("%(actor)s asked for a review of a hidden contribution."),
            _("Review asked"),
        ),
    ):
        verbs.register(verb, sentence, label=label, stales_pages=False)
