from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "ateliers.workshops"
    label = "workshops"
    verbose_name = _("Workshops")

    def ready(self) -> None:
        from . import activity, features, sections
        from .phases import PhaseKind

        features.register("join", phases={PhaseKind.COMMUNICATION}, label=_("join the workshop"))
        features.register(
            "leave",
            phases={
                PhaseKind.COMMUNICATION,
                PhaseKind.INFORMATION,
                PhaseKind.DEBATE,
                PhaseKind.RECOMMENDATIONS,
            },
            label=_("leave the workshop"),
        )
        activity.register()
        sections.register()
