"""What the recommendations' services log. A drafted recommendation is public; its edits,
co-authors and supports are in the team's log only (they show on its page)."""

from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs


def register() -> None:
    verbs.register(
        "recommendations.drafted",
        _("%(actor)s drafted the recommendation “%(title)s”."),
        label=_("Recommendation drafted"),
        public=True,
    )
    # An edit changes what its page shows: the cached pages go stale at once.
    verbs.register(
        "recommendations.edited",
        _("%(actor)s edited the recommendation “%(title)s”."),
        label=_("Recommendation edited"),
    )
    # Co-authors and supports are many and show on the recommendation's page.
    for verb, sentence, label in (
        (
            "recommendations.coauthor_added",
            _("%(actor)s added a co-author to the recommendation “%(title)s”."),
            _("Co-author added"),
        ),
        (
            "recommendations.supported",
            _("%(actor)s supported the recommendation “%(title)s”."),
            _("Recommendation supported"),
        ),
        (
            "recommendations.support_withdrawn",
            _("%(actor)s withdrew their support for “%(title)s”."),
            _("Support withdrawn"),
        ),
    ):
        verbs.register(verb, sentence, label=label, stales_pages=False)

    # The adoption (adoption.py). A ballot says who voted, never what: it shows as a count on
    # the adoption page only, so it leaves the kept pages as they are.
    verbs.register(
        "recommendations.adoption_opened",
        _("%(actor)s opened the adoption of the recommendations (%(count)s submitted)."),
        label=_("Adoption opened"),
        public=True,
    )
    verbs.register(
        "recommendations.adoption_recorded",
        _("%(actor)s recorded how “%(title)s” was decided."),
        label=_("Adoption recorded"),
        public=True,
    )
    verbs.register(
        "recommendations.ballot_cast",
        _("%(actor)s voted online on “%(title)s”."),
        label=_("Online vote cast"),
        stales_pages=False,
    )
    verbs.register(
        "recommendations.dissent_recorded",
        _("%(actor)s recorded a dissenting opinion on “%(title)s”."),
        label=_("Dissenting opinion recorded"),
    )
    # Amendments (recommendations/amendments.py): each shows on the recommendation's page, so
    # each makes the kept pages stale; a proposal is public, the answers are on the page.
    verbs.register(
        "recommendations.amendment_proposed",
        _("%(actor)s proposed an amendment to the recommendation “%(title)s”."),
        label=_("Amendment proposed"),
        public=True,
    )
    verbs.register(
        "recommendations.amendment_accepted",
        _("%(actor)s accepted an amendment to the recommendation “%(title)s”."),
        label=_("Amendment accepted"),
    )
    verbs.register(
        "recommendations.amendment_rejected",
        _("%(actor)s rejected an amendment to the recommendation “%(title)s”."),
        label=_("Amendment rejected"),
    )
    verbs.register(
        "recommendations.amendment_put_to_vote",
        _("%(actor)s put an amendment to the recommendation “%(title)s” to the adoption."),
        label=_("Amendment put to the adoption"),
    )
