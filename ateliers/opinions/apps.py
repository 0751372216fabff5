from django.apps import AppConfig


class OpinionsConfig(AppConfig):
    name = "ateliers.opinions"
    label = "opinions"
    verbose_name = "Opinions"
    default_auto_field = "django.db.models.BigAutoField"
