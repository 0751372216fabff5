from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpinionsConfig(AppConfig):
    name = "ateliers.opinions"
    label = "opinions"
    verbose_name = _("Opinion maps")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ateliers.workshops import features
        from ateliers.workshops.phases import PhaseKind

        from . import activity, rules, sections  # noqa: F401 - rules registers the permissions

        debate = {PhaseKind.DEBATE}
        features.register("open_conversation", phases=debate, label=_("open a conversation"))
        features.register("write_statement", phases=debate, label=_("write a statement"))
        features.register("vote_on_statements", phases=debate, label=_("vote on statements"))
        features.register("moderate_statements", phases=debate, label=_("review statements"))
        activity.register()
        sections.register()
