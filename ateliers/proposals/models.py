"""A council's proposal of a workshop to the city; staff accept it as a draft or decline it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ateliers.workshops.models import Workshop


class WorkshopProposal(models.Model):
    """A council asks the city to run a workshop; staff accept it as a draft or decline it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("council"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    kind = models.CharField(
        _("kind of workshop"),
        max_length=20,
        choices=Workshop.Kind.choices,
    )
    title = models.CharField(_("subject"), max_length=160)
    rationale = models.TextField(
        _("why this workshop"), help_text=_("The project or policy, and why it needs residents.")
    )
    objective = models.TextField(_("objective"), blank=True)
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    themes = models.ManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    workshop = models.OneToOneField(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("workshop proposal")
        verbose_name_plural = _("workshop proposals")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=Workshop.Kind.CITY) | Q(neighbourhood__isnull=False),
                name="proposal_neighbourhood_required",
            ),
        ]

    def __str__(self) -> str:
        return self.title
