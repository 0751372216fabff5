"""The search index: one row per thing the public may find, whatever app it comes from.

The rows are kept by the signals of signals.py and rebuilt by `rebuild_search_index`. On
PostgreSQL a trigger (migration 0001) fills `vector` from the title and the text; on SQLite an
FTS5 table of the same ids holds their French stems (backends.py).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    # The values are the `type` filter's, in the page's French address.
    WORKSHOP = "atelier", _("Workshop")
    COUNCIL = "conseil", _("Council")
    DOCUMENT = "document", _("Document")
    CONTRIBUTION = "contribution", _("Debate contribution")
    STATEMENT = "proposition", _("Statement")
    RECOMMENDATION = "preconisation", _("Recommendation")
    SUBMISSION = "saisine", _("Council proposal or opinion")
    ANSWER = "reponse", _("Town hall answer")


class Entry(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object"))
    # Searched, weighted above the text; empty when the thing has no title of its own (a
    # contribution), which then shows under `context`.
    title = models.CharField(_("title"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)
    # Shown with the result, never searched: where it was said (a topic, a workshop).
    context = models.CharField(_("context"), max_length=300, blank=True)
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    url = models.CharField(_("address"), max_length=300)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    # PostgreSQL only (filled by a trigger); always empty on SQLite.
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once"),
            models.CheckConstraint(
                name="search_entry_kind_known", condition=models.Q(kind__in=Kind.values)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.object_id}"


class FileText(models.Model):
    """The text read from a document version's PDF, once: indexing the document again (its
    title changed) does not read the file again."""

    version = models.OneToOneField(
        "documents.DocumentVersion", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("text of a file")
        verbose_name_plural = _("texts of files")

    def __str__(self) -> str:
        return f"v{self.version_id}"
