"""What the documents' services log, on the workshop's or council's history."""

from django.utils.translation import gettext_lazy as _

from ateliers.activity import verbs


def register() -> None:
    verbs.register(
        "document.added",
        _("%(actor)s added the document “%(title)s”."),
        label=_("Document added"),
        public=True,
    )
    verbs.register(
        "document.version_added",
        _("%(actor)s added version %(number)s of the document “%(title)s”."),
        label=_("New version of a document"),
        public=True,
    )
    verbs.register(
        "document.updated",
        _("%(actor)s changed the details of the document “%(title)s”."),
        label=_("Document details changed"),
        public=True,
    )
