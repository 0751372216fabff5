"""The city's training catalogue: trainings, their sessions, and who registered for each.

A training (formation) is what residents learn, open to everyone with an account, not only a
workshop's participants; workshops and councils recommend the ones that prepare their work.
Each session has a date, a place or an online link, and a number of seats; beyond them
people wait in line (core/waitlist.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ateliers.core.slugs import validate_slug_not_reserved
from ateliers.core.waitlist import AbstractRegistration, one_active_registration

# More seats than this is not a training session any more.
MAX_SEATS = 10_000


class Training(models.Model):
    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(
        _("slug"), max_length=180, unique=True, validators=[validate_slug_not_reserved]
    )
    summary = models.TextField(_("what it teaches"))
    audience = models.TextField(_("for whom"))
    trainer = models.CharField(_("trainer"), max_length=160)
    # The trainer's account, when they have one: they then mark who attended.
    trainer_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer's account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trainings_given",
    )
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    themes = models.ManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)
    recommended_for = models.ManyToManyField(
        "workshops.Workshop",
        verbose_name=_("recommended by the workshops"),
        blank=True,
        related_name="recommended_trainings",
    )
    recommended_by_councils = models.ManyToManyField(
        "councils.Council",
        verbose_name=_("recommended by the councils"),
        blank=True,
        related_name="recommended_trainings",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("trainings:detail", args=[self.slug])


class TrainingSession(models.Model):
    training = models.ForeignKey(
        Training, verbose_name=_("training"), on_delete=models.CASCADE, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    online_link = models.URLField(_("online link"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(_("seats"))
    registered_count = models.PositiveIntegerField(_("registered"), default=0)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    cancel_reason = models.TextField(_("why it was cancelled"), blank=True)
    # Grows each time the session changes, so that calendars update their copy (RFC 5545).
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="session_seats_in_range",
                condition=Q(capacity__gte=1) & Q(capacity__lte=MAX_SEATS),
            ),
            models.CheckConstraint(
                name="session_registered_within_seats",
                condition=Q(registered_count__lte=F("capacity")),
            ),
            models.CheckConstraint(
                name="session_ends_after_it_starts", condition=Q(ends_at__gt=F("starts_at"))
            ),
            models.CheckConstraint(
                name="session_has_a_place_or_a_link",
                condition=~Q(place="") | ~Q(online_link=""),
            ),
        ]
        indexes = [models.Index(fields=["starts_at"], name="session_starts")]

    def __str__(self) -> str:
        return f"{self.training} ({self.starts_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("trainings:session", args=[self.pk])

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.registered_count, 0)

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class SessionRegistration(AbstractRegistration):
    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    # Read by core/waitlist.py.
    waitlist_event_field = "session"

    class Meta:
        verbose_name = _("registration for a training session")
        verbose_name_plural = _("registrations for training sessions")
        ordering = ["pk"]
        constraints = [one_active_registration("session", "one_live_registration_per_session")]
        indexes = [
            models.Index(fields=["session", "status", "id"], name="registration_queue"),
            models.Index(fields=["user", "status"], name="registration_person"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.session}"
