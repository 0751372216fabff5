"""The live opinion map of a workshop's debate phase (the Polis method, docs/opinions.md).

A facilitator opens a **conversation** (a question) with seed statements; participants write
short **statements** and vote agree / disagree / pass on the others'. Votes belong to a
**voter**, the person's anonymous number in that conversation (imported Polis participants
have no account), so that nobody's vote is ever shown next to their name and the Polis
export carries only these numbers. After votes, a background task computes the map and
stores it as a dated **snapshot**, which the results page shows.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# What a person may type for a statement; imported Polis statements may be longer.
STATEMENT_LENGTH = 140
STORED_STATEMENT_LENGTH = 2000
QUESTION_LENGTH = 300


class Review(models.TextChoices):
    BEFORE = "before", _("Reviewed before they appear")
    AFTER = "after", _("Shown at once, reviewed after")


class Conversation(models.Model):
    Review = Review

    workshop = models.ForeignKey(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="conversations",
    )
    question = models.CharField(_("question"), max_length=QUESTION_LENGTH)
    description = models.TextField(_("description"), blank=True)
    review = models.CharField(
        _("review of statements"), max_length=10, choices=Review.choices, default=Review.BEFORE
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened"))
    # Imported from a Polis export rather than held here.
    imported = models.BooleanField(_("imported"), default=False)
    # The last numbers given: statements' positions (Polis's comment ids) and voters'.
    last_position = models.PositiveIntegerField(default=0)
    last_voter_number = models.PositiveIntegerField(default=0)
    # The background computation (services.map_compute): asked for since, running since,
    # and when the last one ended.
    recompute_requested_at = models.DateTimeField(null=True, blank=True)
    computing_since = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="conversation_review_known", condition=Q(review__in=Review.values)
            ),
        ]
        indexes = [models.Index(fields=["workshop", "-opened_at"], name="conversation_workshop")]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("opinions:conversation", args=[self.pk])


class Voter(models.Model):
    """A person's anonymous number in one conversation."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="voters")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opinion_voters",
    )
    number = models.PositiveIntegerField(_("number"))
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("voter")
        verbose_name_plural = _("voters")
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="one_voter_per_person"),
            models.UniqueConstraint(fields=["conversation", "number"], name="one_voter_per_number"),
        ]

    def __str__(self) -> str:
        return f"#{self.number}"


class StatementStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Statement(models.Model):
    Status = StatementStatus
    # Whose statement it is, for the person's data download (core/personal_data.py).
    personal_data_owner = "author__user"

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="statements"
    )
    # Its number in the conversation (Polis's comment id).
    position = models.PositiveIntegerField(_("number"))
    text = models.CharField(_("statement"), max_length=STORED_STATEMENT_LENGTH)
    author = models.ForeignKey(
        Voter,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
    )
    is_seed = models.BooleanField(_("seed statement"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=StatementStatus.choices, default=StatementStatus.PENDING
    )
    created_at = models.DateTimeField(_("written"))
    # Who reviewed it, when, and why it was rejected. A statement shown before its review
    # is accepted and not reviewed yet.
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    moderation_reason = models.TextField(_("why it was rejected"), blank=True)
    # Counts of the current votes, kept by the vote service in the vote's transaction.
    agree_count = models.PositiveIntegerField(default=0)
    disagree_count = models.PositiveIntegerField(default=0)
    pass_count = models.PositiveIntegerField(default=0)
    # Which statement to show next (the engine's priority in the last computation; a new
    # statement gets the priority of a statement nobody has voted on).
    priority = models.FloatField(default=0.0)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["conversation", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "position"], name="one_statement_per_position"
            ),
            models.CheckConstraint(
                name="statement_status_known", condition=Q(status__in=StatementStatus.values)
            ),
        ]
        indexes = [
            models.Index(
                fields=["conversation", "status", "-priority", "position"],
                name="statement_next",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def vote_count(self) -> int:
        return self.agree_count + self.disagree_count + self.pass_count


class VoteValue(models.IntegerChoices):
    AGREE = 1, _("Agree")
    PASS = 0, _("Pass")
    DISAGREE = -1, _("Disagree")


class Vote(models.Model):
    """A voter's current vote on a statement: changing it changes this row (the last vote
    counts), and the time it was cast or changed."""

    Value = VoteValue
    # Whose vote it is, for the person's data download (core/personal_data.py).
    personal_data_owner = "voter__user"

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="+")
    voter = models.ForeignKey(Voter, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(_("vote"), choices=VoteValue.choices)
    changed_at = models.DateTimeField(_("voted"))

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["voter", "statement"], name="one_vote_per_statement"),
            models.CheckConstraint(
                name="vote_value_known", condition=Q(value__in=VoteValue.values)
            ),
        ]
        indexes = [models.Index(fields=["conversation", "changed_at"], name="vote_conversation")]

    def __str__(self) -> str:
        return f"{self.voter} → {self.statement_id}: {self.value}"


class MapSnapshot(models.Model):
    """One computation of the map: what the results page shows, ready to draw, and the
    state the next computation continues from (engine/continuity.py)."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="snapshots"
    )
    computed_at = models.DateTimeField(_("computed"))
    duration = models.FloatField(_("duration (seconds)"))
    n_participants = models.PositiveIntegerField(default=0)
    n_clustered = models.PositiveIntegerField(default=0)
    n_statements = models.PositiveIntegerField(default=0)
    n_votes = models.PositiveIntegerField(default=0)
    n_groups = models.PositiveSmallIntegerField(default=0)
    result = models.JSONField(default=dict)
    state = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("opinion map")
        verbose_name_plural = _("opinion maps")
        ordering = ["-computed_at", "-pk"]
        indexes = [
            models.Index(fields=["conversation", "-computed_at"], name="snapshot_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.conversation} ({self.computed_at:%Y-%m-%d %H:%M})"
