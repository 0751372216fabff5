from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "ateliers.recommendations"
    label = "recommendations"
    verbose_name = _("Recommendations")

    def ready(self) -> None:
        from ateliers.workshops import features
        from ateliers.workshops.phases import PhaseKind

        from . import activity, sections

        features.register(
            "draft_recommendation",
            phases={PhaseKind.RECOMMENDATIONS},
            label=_("draft a recommendation"),
        )
        features.register(
            "support_recommendation",
            phases={PhaseKind.RECOMMENDATIONS},
            label=_("support a recommendation"),
        )
        # The adoption (adoption.py): opened at the end of the recommendations phase, decided
        # then and in the presentation phase.
        features.register(
            "open_adoption",
            phases={PhaseKind.RECOMMENDATIONS},
            label=_("open the adoption of the recommendations"),
        )
        features.register(
            "record_adoption",
            phases={PhaseKind.RECOMMENDATIONS, PhaseKind.PRESENTATION},
            label=_("record how a recommendation was decided"),
        )
        features.register(
            "vote_on_adoption",
            phases={PhaseKind.RECOMMENDATIONS, PhaseKind.PRESENTATION},
            label=_("vote online on a recommendation"),
        )
        # Amendments (recommendations/amendments.py).
        features.register(
            "amend_recommendation",
            phases={PhaseKind.RECOMMENDATIONS},
            label=_("propose and answer amendments"),
        )
        # The workshop's dossier for the town hall (dossier.py, dossier_pdf.py)
        features.register(
            "make_dossier",
            phases={PhaseKind.RECOMMENDATIONS, PhaseKind.PRESENTATION},
            label=_("make the dossier's PDF"),
            after_end=True,
        )
        activity.register()
        sections.register()
