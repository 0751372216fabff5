from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebateConfig(AppConfig):
    name = "ateliers.debate"
    label = "debate"
    verbose_name = _("Debate")

    def ready(self) -> None:
        from ateliers.workshops import features
        from ateliers.workshops.phases import PhaseKind

        from . import activity, sections

        features.register("open_topic", phases={PhaseKind.DEBATE}, label=_("open a debate topic"))
        features.register("post", phases={PhaseKind.DEBATE}, label=_("post a contribution"))
        features.register("reply", phases={PhaseKind.DEBATE}, label=_("reply to a contribution"))
        # The synthesis and the conclusion are often written once the debate is over.
        features.register(
            "conclude_topic",
            phases={PhaseKind.DEBATE, PhaseKind.RECOMMENDATIONS},
            label=_("write a topic's synthesis and close it"),
        )
        # What was posted stays published: it can be reported and moderated to the end
        # and after it.
        after_the_debate = {PhaseKind.DEBATE, PhaseKind.RECOMMENDATIONS, PhaseKind.PRESENTATION}
        features.register(
            "report", phases=after_the_debate, after_end=True, label=_("report a contribution")
        )
        features.register(
            "moderate",
            phases=after_the_debate,
            after_end=True,
            label=_("moderate the debate"),
        )
        activity.register()
        sections.register()
