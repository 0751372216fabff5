from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "ateliers.proposals"
    label = "proposals"
    verbose_name = _("Workshop proposals")

    def ready(self) -> None:
        from . import activity, sections

        activity.register()
        sections.register()
