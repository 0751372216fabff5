"""The town hall (la Mairie), as French law has it, and the road to it.

Its bodies: the municipal council, its commissions (members are councillors only, CGCT
L2121-22) and consultative committees (L2143-2, which may include residents). Each body holds
sessions with an ordered agenda; an agenda item carries a workshop's dossier, a permanent
council's proposal or opinion, or a vœu, and its outcome once the session is held.

The road: a workshop's delegates (elected by its participants, or drawn by lot among volunteers
with a recorded seed) are heard when its dossier comes up; the city then answers each adopted
recommendation (and each council's submission) before a deadline, and follows an accepted one
with milestones. Lateness is computed from the dates (selectors.py), never by a scheduled job.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ateliers.core.slugs import validate_slug_not_reserved

# The default: three months after the hearing (the law sets no deadline).
DEFAULT_ANSWER_MONTHS = 3
MAX_DELEGATES = 3


class BodyKind(models.TextChoices):
    MUNICIPAL_COUNCIL = "municipal_council", _("Municipal council")
    COMMISSION = "commission", _("Municipal commission")
    CONSULTATIVE_COMMITTEE = "consultative_committee", _("Consultative committee")


# Bodies whose members are councillors only (L2121-22 for commissions).
COUNCILLORS_ONLY = {BodyKind.MUNICIPAL_COUNCIL, BodyKind.COMMISSION}


class Body(models.Model):
    Kind = BodyKind

    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices)
    name = models.CharField(_("name"), max_length=160, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=180, unique=True, validators=[validate_slug_not_reserved]
    )
    description = models.TextField(_("role"), blank=True)
    themes = models.ManyToManyField(
        "core.Theme", verbose_name=_("themes"), blank=True, related_name="townhall_bodies"
    )
    # Commissions meet behind closed doors unless the council decides otherwise.
    public_sessions = models.BooleanField(_("sessions open to the public"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("town hall body")
        verbose_name_plural = _("town hall bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind=BodyKind.MUNICIPAL_COUNCIL),
                name="one_municipal_council",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("townhall:body", kwargs={"slug": self.slug})


class MemberCapacity(models.TextChoices):
    COUNCILLOR = "councillor", _("Municipal councillor")
    RESIDENT = "resident", _("Resident")
    ASSOCIATION = "association", _("Association representative")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    MEMBER = "member", _("Member")


class BodyMember(models.Model):
    """A seat, under the public name of whoever holds it: councillors need no account here."""

    Capacity = MemberCapacity
    Role = MemberRole

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=160)
    capacity = models.CharField(
        _("capacity"), max_length=12, choices=MemberCapacity.choices, default="councillor"
    )
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices, default="member")

    class Meta:
        ordering = ["body", "role", "name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="townhall_member_once"),
        ]

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200)
    public = models.BooleanField(_("open to the public"), default=True)
    # The outcome, recorded after the session.
    minutes = models.TextField(_("minutes"), blank=True)
    record_url = models.URLField(_("official record"), blank=True)
    held_at = models.DateTimeField(_("outcome recorded on"), null=True, blank=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["body", "starts_at"], name="townhall_session_body_date")]

    def __str__(self) -> str:
        return f"{self.body} – {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("townhall:session", kwargs={"slug": self.body.slug, "pk": self.pk})


class CouncilSubmission(models.Model):
    """A permanent council's proposal or opinion sent to the town hall: it walks the same road
    as a workshop's recommendation (agenda, hearing, answer, milestones)."""

    class Kind(models.TextChoices):
        PROPOSAL = "proposal", _("Proposal")
        OPINION = "opinion", _("Opinion")

    council = models.ForeignKey(
        "councils.Council",
        verbose_name=_("council"),
        on_delete=models.CASCADE,
        related_name="townhall_submissions",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default="proposal")
    title = models.CharField(_("title"), max_length=160)
    text = models.TextField(_("text"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted on"), auto_now_add=True)
    answer_months = models.PositiveSmallIntegerField(
        _("months to answer after the hearing"),
        default=DEFAULT_ANSWER_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )

    class Meta:
        ordering = ["-submitted_at", "pk"]
        verbose_name = _("council submission")
        verbose_name_plural = _("council submissions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("townhall:submission", kwargs={"pk": self.pk})


class ItemKind(models.TextChoices):
    DOSSIER = "dossier", _("A workshop's dossier")
    SUBMISSION = "submission", _("A council's proposal or opinion")
    VOEU = "voeu", _("A vœu")


class AgendaItem(models.Model):
    Kind = ItemKind

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=12, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    workshop = models.ForeignKey(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    submission = models.ForeignKey(
        CouncilSubmission,
        verbose_name=_("council submission"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    # The outcome, once the session is held.
    outcome = models.TextField(_("outcome"), blank=True)
    deliberation_number = models.CharField(_("deliberation number"), max_length=40, blank=True)
    deliberation_date = models.DateField(_("deliberation date"), null=True, blank=True)
    record_url = models.URLField(_("official record"), blank=True)
    outcome_recorded_at = models.DateTimeField(_("outcome recorded on"), null=True, blank=True)

    class Meta:
        ordering = ["session", "position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.CheckConstraint(
                name="agenda_item_carries_its_kind",
                condition=(
                    Q(kind=ItemKind.DOSSIER, workshop__isnull=False, submission__isnull=True)
                    | Q(kind=ItemKind.SUBMISSION, workshop__isnull=True, submission__isnull=False)
                    | Q(kind=ItemKind.VOEU, workshop__isnull=True, submission__isnull=True)
                ),
            ),
            models.UniqueConstraint(
                fields=["session", "workshop"],
                condition=Q(workshop__isnull=False),
                name="dossier_once_per_session",
            ),
            models.UniqueConstraint(
                fields=["session", "submission"],
                condition=Q(submission__isnull=False),
                name="submission_once_per_session",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class DelegateMethod(models.TextChoices):
    ELECTION = "election", _("Elected by the participants")
    LOT = "lot", _("Drawn by lot among volunteers")


class Delegation(models.Model):
    """How a workshop chose its delegates to the town hall. For a draw, `seed` and `candidates`
    (the volunteers' ids in the order drawn from) let anyone re-run it (delegates.py)."""

    Method = DelegateMethod

    workshop = models.OneToOneField(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="delegation",
    )
    method = models.CharField(_("method"), max_length=10, choices=DelegateMethod.choices)
    seats = models.PositiveSmallIntegerField(
        _("delegates"), validators=[MinValueValidator(1), MaxValueValidator(MAX_DELEGATES)]
    )
    seed = models.CharField(_("seed"), max_length=64, blank=True)
    candidates = models.JSONField(_("volunteers drawn from"), default=list, blank=True)
    note = models.TextField(_("how they were chosen"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("chosen on"), auto_now_add=True)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.CheckConstraint(
                name="delegation_seats_1_to_3", condition=Q(seats__gte=1, seats__lte=MAX_DELEGATES)
            ),
        ]

    def __str__(self) -> str:
        return str(self.workshop)


class Volunteer(models.Model):
    """A participant who offers to be drawn as a delegate."""

    workshop = models.ForeignKey(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="delegate_volunteers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delegate_volunteering"
    )
    created_at = models.DateTimeField(_("volunteered on"), auto_now_add=True)

    class Meta:
        ordering = ["user_id"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "user"], name="volunteer_once"),
        ]

    def __str__(self) -> str:
        return str(self.user)


class Delegate(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="delegates")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("delegate"),
        on_delete=models.CASCADE,
        related_name="delegations",
    )
    position = models.PositiveSmallIntegerField(_("order"))
    votes = models.PositiveIntegerField(_("votes"), null=True, blank=True)

    class Meta:
        ordering = ["delegation", "position"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        constraints = [
            models.UniqueConstraint(fields=["delegation", "user"], name="delegate_once"),
        ]

    def __str__(self) -> str:
        return str(self.user)


class AnswerDeadline(models.Model):
    """A workshop's own deadline for the city's answers (three months when it has none)."""

    workshop = models.OneToOneField(
        "workshops.Workshop", on_delete=models.CASCADE, related_name="answer_deadline"
    )
    months = models.PositiveSmallIntegerField(
        _("months to answer after the hearing"),
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )

    class Meta:
        verbose_name = _("answer deadline")
        verbose_name_plural = _("answer deadlines")
        constraints = [
            models.CheckConstraint(
                name="answer_deadline_1_to_24_months", condition=Q(months__gte=1, months__lte=24)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.workshop} – {self.months}"


class AnswerStatus(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", _("Partially accepted")
    UNDER_STUDY = "under_study", _("Under study")
    REJECTED = "rejected", _("Rejected")


# Answers that commit the city to act: they get milestones.
COMMITTING = {AnswerStatus.ACCEPTED, AnswerStatus.PARTIALLY_ACCEPTED}


class Answer(models.Model):
    """The city's answer to an adopted recommendation or to a council's submission."""

    Status = AnswerStatus

    recommendation = models.OneToOneField(
        "recommendations.Recommendation",
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="answer",
    )
    submission = models.OneToOneField(
        CouncilSubmission,
        verbose_name=_("council submission"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="answer",
    )
    status = models.CharField(_("answer"), max_length=20, choices=AnswerStatus.choices)
    justification = models.TextField(_("justification"), blank=True)
    service = models.CharField(_("service responsible"), max_length=160)
    elected_official = models.CharField(_("elected official responsible"), max_length=160)
    session = models.ForeignKey(
        Session,
        verbose_name=_("decided at the session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answers",
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered on"))
    updated_at = models.DateTimeField(_("updated on"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.CheckConstraint(
                name="answer_to_one_thing",
                condition=Q(recommendation__isnull=False, submission__isnull=True)
                | Q(recommendation__isnull=True, submission__isnull=False),
            ),
            models.CheckConstraint(
                name="answer_justified_unless_accepted",
                condition=Q(status=AnswerStatus.ACCEPTED) | ~Q(justification=""),
            ),
        ]

    def __str__(self) -> str:
        return self.get_status_display()

    @property
    def commits(self) -> bool:
        return self.status in COMMITTING


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Milestone(models.Model):
    Status = MilestoneStatus

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=160)
    target_date = models.DateField(_("target date"))
    status = models.CharField(
        _("status"), max_length=12, choices=MilestoneStatus.choices, default="planned"
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    note = models.TextField(_("latest news"), blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"))

    class Meta:
        ordering = ["answer", "target_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.CheckConstraint(
                name="milestone_progress_percent", condition=Q(progress__lte=100)
            ),
            models.CheckConstraint(
                name="milestone_done_is_complete",
                condition=~Q(status=MilestoneStatus.DONE)
                | Q(progress=100, completed_on__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_late(self, today) -> bool:
        return self.status != MilestoneStatus.DONE and self.target_date < today


class MilestoneUpdate(models.Model):
    """A dated note on a milestone's progress: the public timeline shows each one, and each is
    told once to the workshop's participants."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=12, choices=MilestoneStatus.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    note = models.TextField(_("note"), blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    written_at = models.DateTimeField(_("written on"))

    class Meta:
        ordering = ["milestone", "written_at", "pk"]
        verbose_name = _("milestone update")
        verbose_name_plural = _("milestone updates")
        constraints = [
            models.CheckConstraint(
                name="milestone_update_progress_percent", condition=Q(progress__lte=100)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.milestone} – {self.progress} %"
