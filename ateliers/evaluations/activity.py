"""What the evaluations' services log. The questionnaire's answers are never logged: a logged
action would date them, and the date would name their author."""

from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs

from .models import Outcome


def _words(data: dict) -> dict:
    if data.get("outcome") in Outcome.values:
        return {"outcome": Outcome(data["outcome"]).label}
    return {}


def register() -> None:
    verbs.register(
        "evaluations.saved",
        _("%(actor)s wrote the evaluation of “%(title)s”."),
        label=_("Evaluation written"),
    )
    verbs.register(
        "evaluations.indicator_added",
        _("%(actor)s added the indicator “%(indicator)s” to the evaluation of “%(title)s”."),
        label=_("Indicator added"),
    )
    verbs.register(
        "evaluations.indicator_removed",
        _("%(actor)s removed the indicator “%(indicator)s” from the evaluation of “%(title)s”."),
        label=_("Indicator removed"),
    )
    verbs.register(
        "evaluations.published",
        _("%(actor)s published the evaluation of “%(title)s”: %(outcome)s."),
        label=_("Evaluation published"),
        public=True,
        describe=_words,
    )
    verbs.register(
        "evaluations.questionnaire_opened",
        _("%(actor)s invited the %(count)s participants of “%(title)s” to the questionnaire."),
        label=_("Questionnaire opened"),
        public=True,
    )
