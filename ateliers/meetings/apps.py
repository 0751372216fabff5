from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "ateliers.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from ateliers.workshops import features
        from ateliers.workshops.phases import PhaseKind

        from . import activity, sections

        # Meetings run through every phase (information meetings, site visits, debate
        # evenings, drafting meetings, the presentation), and are prepared before the start.
        features.register(
            "plan_meeting",
            phases=set(PhaseKind),
            label=_("plan a meeting"),
            before_start=True,
        )
        activity.register()
        sections.register()
