"""Workshops, their five dated phases, and who takes part."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ateliers.core.plausible import FIRST_DATE, LAST_DATE
from ateliers.core.slugs import validate_slug_not_reserved

from . import features
from .phases import PHASE_TYPES, PhaseKind

# More seats than this is not a workshop any more (and stays far from integer limits).
MAX_CAPACITY = 100_000
# Phases and workshops take place between these instants (midnight UTC).
FIRST_MOMENT = datetime.datetime.combine(FIRST_DATE, datetime.time(), tzinfo=datetime.UTC)
LAST_MOMENT = datetime.datetime.combine(LAST_DATE, datetime.time(), tzinfo=datetime.UTC)


class WorkshopQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Workshop.Status.PUBLISHED)

    def in_phase(self, kind: PhaseKind, now=None):
        now = now or timezone.now()
        return self.filter(phases__kind=kind, phases__starts_at__lte=now, phases__ends_at__gt=now)

    def upcoming(self, now=None):
        return self.filter(starts_at__gt=now or timezone.now())

    def finished(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now())

    def with_listing_data(self):
        """What a card shows: territory, themes and phases, in a fixed number of queries."""
        return self.select_related("neighbourhood", "proposed_by").prefetch_related(
            "themes", "phases"
        )


class Workshop(models.Model):
    class Kind(models.TextChoices):
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood workshop")
        CITY = "city", _("City workshop")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("subject"), max_length=160)
    slug = models.SlugField(
        _("slug"), max_length=180, unique=True, validators=[validate_slug_not_reserved]
    )
    project = models.TextField(
        _("project or public policy"),
        help_text=_(
            "For a neighbourhood workshop, the concrete project; for a city workshop, "
            "the public policy it works on."
        ),
    )
    objective = models.TextField(_("objective"))
    evaluation_plan = models.TextField(
        _("planned evaluation"), help_text=_("How we will know whether the objective was met.")
    )
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workshops",
    )
    themes = models.ManyToManyField(
        "core.Theme", verbose_name=_("themes"), blank=True, related_name="workshops"
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    # Kept in step with Participation rows by services.join/leave with conditional
    # updates, so a full workshop can be refused without counting rows under a race.
    participant_count = models.PositiveIntegerField(_("participants"), default=0, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # The span the phases cover: the first phase's start, the last phase's end.
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        blank=True,
        related_name="facilitated_workshops",
    )
    sponsors = models.ManyToManyField(
        "councils.Council",
        verbose_name=_("sponsoring councils"),
        blank=True,
        related_name="sponsored_workshops",
    )
    proposed_by = models.ForeignKey(
        "councils.Council",
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_workshops",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        indexes = [
            # The workshops not ended yet (the home page's counts, the list's first pages)
            # and the finished ones, without reading the whole history. Measured on a city
            # with 20,000 workshops: the counts by phase from 17 to 6 ms. (An index on the
            # start made "calling for participants" slower: the planner walked it.)
            models.Index(fields=["status", "ends_at"], name="workshop_status_end"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="city") | Q(neighbourhood__isnull=False),
                name="workshop_neighbourhood_required",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="workshop_capacity_positive",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__lte=MAX_CAPACITY),
                name="workshop_capacity_plausible",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(participant_count__lte=F("capacity")),
                name="workshop_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="workshop_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(starts_at__gte=FIRST_MOMENT) & Q(ends_at__lte=LAST_MOMENT),
                name="workshop_dates_plausible",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:detail", kwargs={"slug": self.slug})

    # Phases. Every helper works on `self.phases.all()` so a prefetch serves them all.
    @cached_property
    def ordered_phases(self) -> list["Phase"]:
        return sorted(self.phases.all(), key=lambda phase: phase.kind)

    def phase_at(self, now) -> "Phase | None":
        return next((phase for phase in self.ordered_phases if phase.is_active(now)), None)

    @property
    def current_phase(self) -> "Phase | None":
        return self.phase_at(timezone.now())

    def is_upcoming(self, now=None) -> bool:
        return (now or timezone.now()) < self.starts_at

    def is_finished(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.participant_count >= self.capacity


# What the public may see of workshops: the published ones, and the archived ones (their record).
PUBLIC_STATUSES = (Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED)


class Phase(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="phases")
    kind = models.PositiveSmallIntegerField(_("phase"), choices=PhaseKind.choices)
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))

    class Meta:
        ordering = ["workshop", "kind"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        indexes = [
            # Which workshops are in a given phase now: "calling for participants" from 25 to
            # 13 ms on a city with 20,000 workshops.
            models.Index(fields=["kind", "ends_at"], name="phase_kind_end"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "kind"], name="phase_once_per_workshop"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="phase_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(starts_at__gte=FIRST_MOMENT) & Q(ends_at__lte=LAST_MOMENT),
                name="phase_dates_plausible",
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @property
    def type(self):
        return PHASE_TYPES[PhaseKind(self.kind)]

    def allows(self, feature: str) -> bool:
        return features.allows(self.kind, feature)

    def is_active(self, now) -> bool:
        return self.starts_at <= now < self.ends_at

    def is_past(self, now) -> bool:
        return self.ends_at <= now


class Capacity(models.TextChoices):
    """In which capacity a person takes part in a workshop."""

    RESIDENT = "resident", _("Resident")
    ASSOCIATION = "association", _("Association")
    COUNCIL_MEMBER = "council_member", _("Council member")
    EXPERT = "expert", _("Expert")
    ELECTED = "elected", _("Elected official")
    CITY_STAFF = "city_staff", _("City staff")


class Participation(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participations"
    )
    capacity = models.CharField(_("capacity"), max_length=20, choices=Capacity.choices)
    association_name = models.CharField(_("association"), max_length=160, blank=True)
    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("council"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        ordering = ["joined_at", "pk"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "user"], name="participation_once_per_workshop"
            ),
            models.CheckConstraint(
                condition=~Q(capacity="association") | ~Q(association_name=""),
                name="participation_association_named",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.workshop}"
