"""A workshop's recommendations (préconisations), drafted by its participants in the
recommendations phase: each keeps every version of its text, its authors and its supports."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    # Adoption (amendments, the vote) comes later; until then every recommendation is a draft.
    DRAFT = "draft", _("Draft")


class Recommendation(models.Model):
    Status = Status

    workshop = models.ForeignKey(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    title = models.CharField(_("title"), max_length=160)
    text = models.TextField(_("text"))
    general_interest = models.TextField(_("general interest served"))
    cost_note = models.TextField(_("cost"), blank=True)
    feasibility_note = models.TextField(_("feasibility"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("drafted on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)
    # The number of its latest version, and its supports: kept by the services.
    version = models.PositiveIntegerField(_("version"), default=1)
    support_count = models.PositiveIntegerField(_("supports"), default=0)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="recommendation_serves_general_interest", condition=~Q(general_interest="")
            ),
        ]
        indexes = [models.Index(fields=["workshop", "created_at"], name="recommendation_workshop")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("recommendations:detail", args=[self.pk])


class RecommendationAuthor(models.Model):
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="authors",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="recommendations_written",
    )
    added_at = models.DateTimeField(_("added on"), auto_now_add=True)

    class Meta:
        verbose_name = _("author of a recommendation")
        verbose_name_plural = _("authors of recommendations")
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "user"], name="recommendation_author_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


class RecommendationVersion(models.Model):
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=160)
    text = models.TextField(_("text"))
    general_interest = models.TextField(_("general interest served"))
    cost_note = models.TextField(_("cost"), blank=True)
    feasibility_note = models.TextField(_("feasibility"), blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written on"), auto_now_add=True)

    class Meta:
        verbose_name = _("version of a recommendation")
        verbose_name_plural = _("versions of recommendations")
        ordering = ["recommendation", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "number"], name="recommendation_version_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"


class Support(models.Model):
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="supports",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supporter"),
        on_delete=models.CASCADE,
        related_name="recommendation_supports",
    )
    created_at = models.DateTimeField(_("supported on"), auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "user"], name="support_once_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.recommendation_id}"
