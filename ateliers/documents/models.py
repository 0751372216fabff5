"""Documents of a workshop or of a council, each with every version it ever had.

A document is what people look for ("the site plan", "the budget"): a title, a summary, a
category. Its content is a file or a link, and changes by adding a version; earlier versions
stay listed and downloadable, so what residents read at each moment can be found again.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    SITE_FACTS = "site_facts", _("Site facts")
    BUDGET = "budget", _("Budget")
    CONSTRAINTS = "constraints", _("Constraints")
    STUDY = "study", _("Study")
    MINUTES = "minutes", _("Minutes")
    OTHER = "other", _("Other")


class Document(models.Model):
    workshop = models.ForeignKey(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("council"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=160)
    summary = models.TextField(_("summary"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    # The latest version, read with the document on every list (no query per document).
    current = models.ForeignKey(
        "DocumentVersion",
        verbose_name=_("current version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Versions so far; a new version takes the next number with a conditional update.
    version_count = models.PositiveIntegerField(_("versions"), default=0)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["category", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                name="document_of_one_workshop_or_council",
                condition=Q(workshop__isnull=False, council__isnull=True)
                | Q(workshop__isnull=True, council__isnull=False),
            ),
            models.CheckConstraint(
                name="document_category_known", condition=Q(category__in=Category.values)
            ),
        ]
        indexes = [
            models.Index(fields=["workshop", "category", "title"], name="document_workshop"),
            models.Index(fields=["council", "category", "title"], name="document_council"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def owner(self):
        """The workshop or the council the document belongs to."""
        return self.workshop or self.council


def version_path(version: "DocumentVersion", filename: str) -> str:
    # A folder of its own per file: two files with the same name never meet, and the
    # stored path reveals nothing about the document.
    return f"documents/{uuid.uuid4().hex}/{filename}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_path, max_length=300, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    # The cleaned name the file is downloaded under, and what its content was found to be.
    filename = models.CharField(_("file name"), max_length=120, blank=True)
    content_type = models.CharField(_("type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    alt_text = models.CharField(_("text alternative"), max_length=300, blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("version of a document")
        verbose_name_plural = _("versions of documents")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_version_per_number"),
            models.CheckConstraint(
                name="version_is_a_file_or_a_link",
                condition=(Q(file="") & ~Q(link="")) | (~Q(file="") & Q(link="")),
            ),
            models.CheckConstraint(name="version_number_positive", condition=Q(number__gte=1)),
        ]

    def __str__(self) -> str:
        return f"{self.document} (v{self.number})"

    @property
    def is_link(self) -> bool:
        return bool(self.link)

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def extension(self) -> str:
        return self.filename.rsplit(".", 1)[-1].upper() if "." in self.filename else ""

    def get_download_url(self) -> str:
        if self.link:
            return self.link
        return reverse("documents:download", args=[self.document_id, self.number])
