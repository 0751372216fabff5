"""A workshop's recommendations (préconisations), drafted by its participants in the
recommendations phase: each keeps every version of its text, its authors and its supports, the
amendments proposed to it, and how the workshop decided on it (its adoption). The workshop's
dossier for the town hall is made from them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    # A draft is written, amended and supported; once the workshop's adoption opens it is frozen
    # ("submitted") until its adoption is recorded.
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for adoption")
    ADOPTED = "adopted", _("Adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


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
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
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
    # What it builds on (grounds.py): debate contributions and opinion-map statements of its
    # workshop. Not part of its versioned text: changing them makes no new version.
    contributions = models.ManyToManyField(
        "debate.Contribution",
        verbose_name=_("debate contributions it builds on"),
        blank=True,
        related_name="grounded_recommendations",
    )
    statements = models.ManyToManyField(
        "opinions.Statement",
        verbose_name=_("opinion-map statements it builds on"),
        blank=True,
        related_name="grounded_recommendations",
    )

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


class AmendmentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting the authors' answer")
    ACCEPTED = "accepted", _("Accepted by the authors")
    REJECTED = "rejected", _("Rejected by the authors")


class Amendment(models.Model):
    """A replacement text proposed by a participant. Accepted, it becomes a new version of the
    recommendation; rejected, its author may ask that it be put to the adoption on its own."""

    Status = AmendmentStatus

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="amendments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="amendments_proposed",
    )
    # The version the replacement text was written against: the difference is shown from it.
    base_version = models.PositiveIntegerField(_("amended version"))
    text = models.TextField(_("proposed text"))
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=10, choices=AmendmentStatus.choices, default=AmendmentStatus.PENDING
    )
    answer = models.TextField(_("authors' answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    # The version an accepted amendment made.
    made_version = models.PositiveIntegerField(_("version made"), null=True, blank=True)
    put_to_vote = models.BooleanField(_("put to the adoption on its own"), default=False)
    created_at = models.DateTimeField(_("proposed on"), auto_now_add=True)

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="amendment_rejected_has_reason",
                condition=~Q(status=AmendmentStatus.REJECTED) | ~Q(answer=""),
            ),
            models.CheckConstraint(
                name="amendment_to_vote_only_if_rejected",
                condition=Q(put_to_vote=False) | Q(status=AmendmentStatus.REJECTED),
            ),
        ]
        indexes = [models.Index(fields=["recommendation", "status"], name="amendment_status")]

    def __str__(self) -> str:
        return _("Amendment to “%(title)s”") % {"title": self.recommendation.title}


class AdoptionOpening(models.Model):
    """The workshop's adoption is open: its recommendations are frozen and decided one by one."""

    workshop = models.OneToOneField(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="adoption_opening",
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened on"), auto_now_add=True)

    class Meta:
        verbose_name = _("opening of the adoption")
        verbose_name_plural = _("openings of the adoption")

    def __str__(self) -> str:
        return str(self.workshop)


class AdoptionMethod(models.TextChoices):
    CONSENSUS = "consensus", _("Consensus in a meeting")
    MEETING_VOTE = "meeting_vote", _("Vote in a meeting")
    ONLINE_VOTE = "online_vote", _("Online vote of the participants")


class AdoptionResult(models.TextChoices):
    # An online vote is pending until its window closes; the result is then frozen.
    PENDING = "pending", _("Vote in progress")
    ADOPTED = "adopted", _("Adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


class Adoption(models.Model):
    """How the workshop decided on one recommendation, or on one rejected amendment put to the
    adoption on its own, and the result. An online vote keeps only its tallies: who voted is
    kept apart (Ballot), never what they voted."""

    Method = AdoptionMethod
    Result = AdoptionResult

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    amendment = models.OneToOneField(
        Amendment,
        verbose_name=_("amendment"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="adoption",
    )
    method = models.CharField(
        _("how it was decided"), max_length=12, choices=AdoptionMethod.choices
    )
    result = models.CharField(
        _("result"), max_length=12, choices=AdoptionResult.choices, default=AdoptionResult.PENDING
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adoptions",
    )
    votes_for = models.PositiveIntegerField(_("for"), default=0)
    votes_against = models.PositiveIntegerField(_("against"), default=0)
    abstentions = models.PositiveIntegerField(_("abstentions"), default=0)
    vote_opens_at = models.DateTimeField(_("vote opens"), null=True, blank=True)
    vote_closes_at = models.DateTimeField(_("vote closes"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded on"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["recorded_at", "pk"]
        constraints = [
            # One decision on the recommendation itself; one per amendment put to the vote.
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=Q(amendment__isnull=True),
                name="adoption_once_per_recommendation",
            ),
            models.CheckConstraint(
                name="adoption_online_vote_has_window",
                condition=~Q(method=AdoptionMethod.ONLINE_VOTE)
                | Q(vote_opens_at__isnull=False, vote_closes_at__isnull=False),
            ),
            models.CheckConstraint(
                name="adoption_window_in_order",
                condition=Q(vote_closes_at__isnull=True) | Q(vote_closes_at__gt=F("vote_opens_at")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation} — {self.get_method_display()}"


class Ballot(models.Model):
    """That a person voted in an online adoption vote (so that they vote once) — not what they
    voted: the choice only goes into the adoption's tallies."""

    adoption = models.ForeignKey(
        Adoption, verbose_name=_("adoption"), on_delete=models.CASCADE, related_name="ballots"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voter"),
        on_delete=models.CASCADE,
        related_name="adoption_ballots",
    )

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(fields=["adoption", "user"], name="ballot_once_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.adoption_id}"


class Dissent(models.Model):
    """A dissenting opinion recorded next to an adoption's result."""

    adoption = models.ForeignKey(
        Adoption, verbose_name=_("adoption"), on_delete=models.CASCADE, related_name="dissents"
    )
    text = models.TextField(_("dissenting opinion"))
    # Who holds it, as they wish to be named ("three participants", a name given with consent).
    held_by = models.CharField(_("held by"), max_length=160, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded on"), auto_now_add=True)

    class Meta:
        verbose_name = _("dissenting opinion")
        verbose_name_plural = _("dissenting opinions")
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class DossierState(models.TextChoices):
    QUEUED = "queued", _("Waiting to be made")
    MAKING = "making", _("Being made")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Could not be made")


class Dossier(models.Model):
    """The PDF of a workshop's dossier for the town hall, made in the background. `source` is a
    digest of what it was made from: when the workshop's content changes, it is made again."""

    State = DossierState

    workshop = models.OneToOneField(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="dossier",
    )
    state = models.CharField(
        _("state"), max_length=8, choices=DossierState.choices, default=DossierState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    source = models.CharField(_("made from"), max_length=64, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="dossiers/", blank=True)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    requested_at = models.DateTimeField(_("requested on"), auto_now_add=True)
    made_at = models.DateTimeField(_("made on"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        constraints = [
            models.CheckConstraint(name="dossier_progress_percent", condition=Q(progress__lte=100)),
        ]

    def __str__(self) -> str:
        return str(self.workshop)
