from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """Pages that combine several apps: the home page (later the neighbourhood pages)."""

    name = "ateliers.site"
    label = "site"
    verbose_name = _("Site pages")
