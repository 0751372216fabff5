"""Who follows what, what each person is told, and how they like to be told."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """A person follows a workshop, a council, a neighbourhood or a theme."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "subject_type", "subject_id"], name="follow_once"
            ),
        ]
        indexes = [
            # The followers of one thing: read by each fan-out.
            models.Index(fields=["subject_type", "subject_id"], name="follow_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.subject_type.model} {self.subject_id}"


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("At once, one e-mail each")
    DAILY = "daily", _("In a daily digest")
    NEVER = "never", _("Not by e-mail (on the notifications page only)")


class Preference(models.Model):
    """How a person is told of one kind of news (without a row: at once)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=40)
    frequency = models.CharField(
        _("by e-mail"), max_length=12, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="preference_once_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind} {self.frequency}"


class Notification(models.Model):
    """One piece of news for one person: an action of the log that concerns them."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    action = models.ForeignKey(
        "activity.Action", on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=40)
    created_at = models.DateTimeField(_("created"))
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # When it went out by e-mail (alone or in a digest), or was told by its app's own e-mail.
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            # Once each, however many times the fan-out runs.
            models.UniqueConstraint(fields=["recipient", "action"], name="notification_once"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
            models.Index(
                fields=["action"],
                condition=models.Q(emailed_at__isnull=True),
                name="notification_to_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} ← {self.action_id}"
