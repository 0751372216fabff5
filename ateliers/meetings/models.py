"""Meetings of a workshop or a council: information meetings, site visits, debate evenings,
drafting meetings, presentations, council meetings. Each has a date, a place or an online
link, an agenda of ordered items, optional registration with seats (core/waitlist.py), and,
once it took place, its minutes and the number of people who came."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ateliers.core.waitlist import AbstractRegistration, one_active_registration

# More seats than this is not a meeting any more.
MAX_SEATS = 10_000
MAX_ATTENDEES = 100_000


class MeetingKind(models.TextChoices):
    INFORMATION = "information", _("Information meeting")
    SITE_VISIT = "site_visit", _("Site visit")
    DEBATE = "debate", _("Debate meeting")
    DRAFTING = "drafting", _("Drafting meeting")
    PRESENTATION = "presentation", _("Presentation")
    COUNCIL = "council", _("Council meeting")


class Meeting(models.Model):
    Kind = MeetingKind

    workshop = models.ForeignKey(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meetings",
    )
    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("council"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meetings",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    online_link = models.URLField(_("online link"), max_length=500, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    registration_required = models.BooleanField(_("registration required"), default=False)
    # Seats, when registration is required; None: no limit.
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    registered_count = models.PositiveIntegerField(_("registered"), default=0)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    cancel_reason = models.TextField(_("why it was cancelled"), blank=True)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    attendee_count = models.PositiveIntegerField(_("attendees"), null=True, blank=True)
    documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("documents"), blank=True, related_name="meetings"
    )
    # Grows each time the meeting changes, so that calendars update their copy (RFC 5545).
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="meeting_of_one_workshop_or_council",
                condition=Q(workshop__isnull=False, council__isnull=True)
                | Q(workshop__isnull=True, council__isnull=False),
            ),
            models.CheckConstraint(
                name="meeting_ends_after_it_starts", condition=Q(ends_at__gt=F("starts_at"))
            ),
            models.CheckConstraint(
                name="meeting_has_a_place_or_a_link",
                condition=~Q(place="") | ~Q(online_link=""),
            ),
            models.CheckConstraint(
                name="meeting_seats_in_range",
                condition=Q(capacity__isnull=True)
                | (Q(capacity__gte=1) & Q(capacity__lte=MAX_SEATS)),
            ),
            models.CheckConstraint(
                name="meeting_registered_within_seats",
                condition=Q(capacity__isnull=True) | Q(registered_count__lte=F("capacity")),
            ),
            models.CheckConstraint(
                name="meeting_closed_with_minutes_and_attendees",
                condition=Q(closed_at__isnull=True)
                | (~Q(minutes="") & Q(attendee_count__isnull=False)),
            ),
            models.CheckConstraint(
                name="meeting_kind_known", condition=Q(kind__in=MeetingKind.values)
            ),
        ]
        indexes = [
            models.Index(fields=["starts_at"], name="meeting_starts"),
            models.Index(fields=["workshop", "starts_at"], name="meeting_workshop"),
            models.Index(fields=["council", "starts_at"], name="meeting_council"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def owner(self):
        return self.workshop or self.council

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.registered_count, 0)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("item"), max_length=300)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="one_item_per_position")
        ]

    def __str__(self) -> str:
        return self.title


class MeetingRegistration(AbstractRegistration):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    # Read by core/waitlist.py.
    waitlist_event_field = "meeting"

    class Meta:
        verbose_name = _("registration for a meeting")
        verbose_name_plural = _("registrations for meetings")
        ordering = ["pk"]
        constraints = [one_active_registration("meeting", "one_live_registration_per_meeting")]
        indexes = [
            models.Index(fields=["meeting", "status", "id"], name="meeting_registration_queue"),
            models.Index(fields=["user", "status"], name="meeting_registration_person"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.meeting}"
