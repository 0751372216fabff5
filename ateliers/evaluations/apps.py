from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "ateliers.evaluations"
    label = "evaluations"
    verbose_name = _("Evaluations")

    def ready(self) -> None:
        from ateliers.workshops import features

        from . import activity, dossier_part, sections
        from .models import EVALUATION_WINDOW_DAYS, QUESTIONNAIRE_DAYS

        # After the presentation phase, a closing window: the team writes and publishes the
        # evaluation and opens the questionnaire; participants answer until it closes (it may
        # open on the window's last day).
        for name, label, days in (
            ("write_evaluation", _("write the workshop's evaluation"), EVALUATION_WINDOW_DAYS),
            (
                "open_questionnaire",
                _("invite the participants to the questionnaire"),
                EVALUATION_WINDOW_DAYS,
            ),
            (
                "answer_questionnaire",
                _("answer the participants' questionnaire"),
                EVALUATION_WINDOW_DAYS + QUESTIONNAIRE_DAYS,
            ),
        ):
            features.register(name, phases=(), label=label, after_end=True, after_end_days=days)
        activity.register()
        sections.register()
        dossier_part.register()  # its part of the workshop's dossier
