from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TownhallConfig(AppConfig):
    name = "ateliers.townhall"
    label = "townhall"
    verbose_name = _("Town hall")

    def ready(self) -> None:
        from ateliers.workshops import features
        from ateliers.workshops.phases import PhaseKind

        from . import activity, dossier_part, sections

        # The workshop's side of the road: choosing delegates (volunteering, the draw, the
        # election's result) at the end of the recommendations phase and in the presentation;
        # its dossier put on an agenda and the city's answers from the presentation on, and
        # after the workshop's end (answers and milestones come months later).
        features.register(
            "choose_delegates",
            phases={PhaseKind.RECOMMENDATIONS, PhaseKind.PRESENTATION},
            label=_("choose the workshop's delegates to the town hall"),
        )
        features.register(
            "hear_workshop",
            phases={PhaseKind.PRESENTATION},
            label=_("put the workshop's dossier on a session's agenda"),
            after_end=True,
        )
        features.register(
            "answer_recommendation",
            phases={PhaseKind.PRESENTATION},
            label=_("answer the recommendations and follow their milestones"),
            after_end=True,
        )
        activity.register()
        sections.register()
        dossier_part.register()  # its part of the workshop's dossier
