from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Following workshops, councils, neighbourhoods and themes, and being told what moves."""

    name = "ateliers.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from ateliers.activity.models import Action

        from .signals import action_recorded

        post_save.connect(action_recorded, sender=Action, dispatch_uid="notifications")
