"""The permanent councils (instances pérennes) and their members' mandates."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ateliers.core.plausible import FIRST_DATE, LAST_DATE
from ateliers.core.slugs import validate_slug_not_reserved


class Council(models.Model):
    class Kind(models.TextChoices):
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood council")
        CITIZENS = "citizens", _("Citizens' council")
        FOREIGN_RESIDENTS = "foreign_residents", _("Foreign residents' council")
        YOUTH = "youth", _("Youth council")
        DEVELOPMENT = "development", _("Development council")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=160, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=180, unique=True, validators=[validate_slug_not_reserved]
    )
    description = models.TextField(_("description"), blank=True)
    # Empty for a council whose territory is the whole city.
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="councils",
    )
    themes = models.ManyToManyField(
        "core.Theme", verbose_name=_("themes followed"), blank=True, related_name="councils"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("councils:detail", kwargs={"slug": self.slug})

    @property
    def territory_label(self) -> str:
        return self.neighbourhood.name if self.neighbourhood_id else _("The whole city")


def current_mandate_q(today: datetime.date, prefix: str = "") -> Q:
    """Mandates running on `today`; `prefix` ("mandates__") reaches them from a council."""
    return Q(**{f"{prefix}starts_on__lte": today}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": today})
    )


class MandateQuerySet(models.QuerySet):
    def current(self, today: datetime.date):
        return self.filter(current_mandate_q(today))

    def past(self, today: datetime.date):
        return self.filter(ends_on__lt=today)


class Mandate(models.Model):
    class Role(models.TextChoices):
        PRESIDENT = "president", _("President")
        VICE_PRESIDENT = "vice_president", _("Vice-president")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Member")

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="mandates")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="mandates",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    starts_on = models.DateField(_("mandate start"))
    ends_on = models.DateField(_("mandate end"), null=True, blank=True)

    objects = MandateQuerySet.as_manager()

    class Meta:
        ordering = ["council", "-starts_on", "pk"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="mandate_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(starts_on__gte=FIRST_DATE)
                & (Q(ends_on__isnull=True) | Q(ends_on__lte=LAST_DATE)),
                name="mandate_dates_plausible",
            ),
            # The same mandate saved twice (a double click): the services refuse any
            # overlap, this is the last line.
            models.UniqueConstraint(
                fields=["council", "user", "starts_on"], name="mandate_once_per_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.council}"

    def is_current(self, today: datetime.date) -> bool:
        return self.starts_on <= today and (self.ends_on is None or self.ends_on >= today)
