from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """Pages that combine several apps: the home page, the neighbourhoods' pages, the calendar,
    the footer's pages, a person's data and the deletion of their account."""

    name = "ateliers.site"
    label = "site"
    verbose_name = _("Site pages")

    def ready(self) -> None:
        from . import activity

        activity.register()
