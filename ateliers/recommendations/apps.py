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
        # The workshop's dossier for the town hall (dossier.py, dossier_pdf.py)
        features.register(
            "make_dossier",
            phases={PhaseKind.RECOMMENDATIONS, PhaseKind.PRESENTATION},
            label=_("make the dossier's PDF"),
            after_end=True,
        )
        activity.register()
        sections.register()
