from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The read-only open-data API, its CSV exports and its Atom feeds."""

    name = "ateliers.api"
    label = "api"
    verbose_name = _("Open data API")
