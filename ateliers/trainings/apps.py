from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "ateliers.trainings"
    label = "trainings"
    verbose_name = _("Trainings")

    def ready(self) -> None:
        from ateliers.workshops import features
        from ateliers.workshops.phases import PhaseKind

        from . import activity, sections

        # A workshop's team points to the trainings that prepare it while it calls for
        # participants and while it informs them.
        features.register(
            "recommend_training",
            phases={PhaseKind.COMMUNICATION, PhaseKind.INFORMATION},
            label=_("recommend trainings"),
            before_start=True,
        )
        activity.register()
        sections.register()
