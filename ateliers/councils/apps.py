from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "ateliers.councils"
    label = "councils"
    verbose_name = _("Permanent councils")

    def ready(self) -> None:
        from . import activity

        activity.register()
