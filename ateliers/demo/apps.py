from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo city: `manage.py load_demo` asks each app's `demo.py` to build its part."""

    name = "ateliers.demo"
    label = "demo"
    verbose_name = _("Demo city")
