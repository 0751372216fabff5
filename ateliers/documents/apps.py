from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "ateliers.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from ateliers.workshops import features
        from ateliers.workshops.phases import PhaseKind

        from . import activity, sections

        # The team adds documents while it prepares the workshop and through every phase
        # (minutes of the debate, the dossier's annexes); not once the workshop is over.
        features.register(
            "add_document",
            phases=set(PhaseKind),
            label=_("add a document"),
            before_start=True,
        )
        activity.register()
        sections.register()
