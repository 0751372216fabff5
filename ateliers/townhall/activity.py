"""What the town hall's services log. The road is public: sessions held, agenda items and their
outcomes, the choice of delegates, answers and milestones show on the public timelines; the
management of bodies and volunteering stay in the team's log."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs

from .models import AnswerStatus


def _words(data: dict) -> dict:
    """Dates as a person reads them, an answer's status in words."""
    words = {}
    if data.get("date"):
        words["date"] = date_format(datetime.date.fromisoformat(data["date"]), "j F Y")
    if data.get("status") in AnswerStatus.values:
        words["status"] = AnswerStatus(data["status"]).label
    return words


def register() -> None:
    for name, sentence, label, public in (
        ("townhall.body_saved", _("%(actor)s saved the body “%(name)s”."), _("Body saved"), True),
        ("townhall.member_added", _("%(actor)s seated %(name)s."), _("Member added"), False),
        ("townhall.member_removed", _("%(actor)s removed %(name)s."), _("Member removed"), False),
        (
            "townhall.session_saved",
            _("%(actor)s scheduled a session of %(body)s on %(date)s."),
            _("Session scheduled"),
            True,
        ),
        (
            "townhall.session_cancelled",
            _("%(actor)s cancelled the session of %(body)s on %(date)s."),
            _("Session cancelled"),
            True,
        ),
        (
            "townhall.session_held",
            _("%(actor)s recorded the outcome of the session of %(body)s on %(date)s."),
            _("Session held"),
            True,
        ),
        (
            "townhall.item_added",
            _("%(actor)s put “%(title)s” on the agenda of %(body)s."),
            _("Agenda item added"),
            True,
        ),
        (
            "townhall.agenda_reordered",
            _("%(actor)s moved “%(title)s” on the agenda."),
            _("Agenda reordered"),
            False,
        ),
        (
            "townhall.item_removed",
            _("%(actor)s took “%(title)s” off the agenda."),
            _("Agenda item removed"),
            True,
        ),
        (
            "townhall.item_outcome",
            _("%(actor)s recorded what %(body)s decided on “%(title)s”."),
            _("Agenda item decided"),
            True,
        ),
        (
            "townhall.submission_received",
            _("%(actor)s recorded “%(title)s” from %(council)s."),
            _("Council submission received"),
            True,
        ),
        (
            "townhall.volunteered",
            _("%(actor)s volunteered as a delegate of “%(title)s”."),
            _("Delegate volunteer"),
            False,
        ),
        (
            "townhall.volunteer_withdrawn",
            _("%(actor)s withdrew as a volunteer of “%(title)s”."),
            _("Volunteer withdrawn"),
            False,
        ),
        (
            "townhall.delegates_drawn",
            _("%(actor)s drew the delegates of “%(title)s” by lot among %(count)s volunteers."),
            _("Delegates drawn"),
            True,
        ),
        (
            "townhall.delegates_elected",
            _("%(actor)s recorded the %(count)s delegates elected by “%(title)s”."),
            _("Delegates elected"),
            True,
        ),
        (
            "townhall.deadline_set",
            _("%(actor)s set the answer deadline of “%(title)s” to %(months)s months."),
            _("Answer deadline set"),
            True,
        ),
        (
            "townhall.answered",
            _("%(actor)s gave the city's answer to “%(title)s”: %(status)s."),
            _("City answer"),
            True,
        ),
        (
            "townhall.answer_changed",
            _("%(actor)s changed the city's answer to “%(title)s”: %(status)s."),
            _("City answer changed"),
            True,
        ),
        (
            "townhall.milestone_added",
            _("%(actor)s added the milestone “%(milestone)s” to “%(title)s”, due %(date)s."),
            _("Milestone added"),
            True,
        ),
        (
            "townhall.milestone_updated",
            _("%(actor)s reported %(progress)s %% on “%(milestone)s” (“%(title)s”)."),
            _("Milestone updated"),
            True,
        ),
    ):
        verbs.register(name, sentence, label=label, public=public, describe=_words)
