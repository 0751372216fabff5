from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ateliers.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from . import page_signals, second_factor  # noqa: F401 - registers its deploy check

        page_signals.connect()
