"""The debate of a workshop: topics opened by its team, contributions marked for, against,
question or remark, one level of replies, and their moderation (reports, decisions, the
public log)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    workshop = models.ForeignKey(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="debate_topics",
    )
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    # What the team drew from the discussion so far, shown at the top of the topic.
    synthesis = models.TextField(_("synthesis"), blank=True)
    synthesis_updated_at = models.DateTimeField(_("synthesis updated"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    # Visible contributions of each kind, and visible replies: kept by the services.
    for_count = models.PositiveIntegerField(_("for"), default=0)
    against_count = models.PositiveIntegerField(_("against"), default=0)
    question_count = models.PositiveIntegerField(_("questions"), default=0)
    remark_count = models.PositiveIntegerField(_("remarks"), default=0)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("opened on"), auto_now_add=True)

    class Meta:
        verbose_name = _("debate topic")
        verbose_name_plural = _("debate topics")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="topic_closed_with_a_conclusion",
                condition=Q(closed_at__isnull=True) | ~Q(conclusion=""),
            ),
        ]
        indexes = [models.Index(fields=["workshop", "created_at"], name="topic_workshop")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("debate:topic", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def contribution_count(self) -> int:
        return self.for_count + self.against_count + self.question_count + self.remark_count


class Kind(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    QUESTION = "question", _("Question")
    REMARK = "remark", _("Remark")


# The topic's counter of each kind.
COUNTER_OF_KIND = {
    Kind.FOR: "for_count",
    Kind.AGAINST: "against_count",
    Kind.QUESTION: "question_count",
    Kind.REMARK: "remark_count",
}


class Moderation(models.TextChoices):
    NONE = "none", _("Not moderated")
    # Hidden by itself after enough reports, until a moderator decides.
    AWAITING = "awaiting", _("Hidden after reports, awaiting a decision")
    HIDDEN = "hidden", _("Hidden by moderation")
    RESTORED = "restored", _("Restored by moderation")


VISIBLE_STATES = (Moderation.NONE, Moderation.RESTORED)


class Contribution(models.Model):
    Kind = Kind
    Moderation = Moderation

    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="contributions"
    )
    # A reply answers a contribution; replies have no replies of their own.
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    # Empty for a reply.
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="debate_contributions",
    )
    text = models.TextField(_("text"), blank=True)
    # The language its author wrote in: e-mails about it are written in it too.
    language = models.CharField(_("language"), max_length=8, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(_("posted on"))
    edited_at = models.DateTimeField(_("edited on"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted on"), null=True, blank=True)
    moderation = models.CharField(
        _("moderation"), max_length=10, choices=Moderation.choices, default=Moderation.NONE
    )
    moderation_reason = models.TextField(_("moderation reason"), blank=True)
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    # The author of a hidden contribution may ask once for a review.
    review_requested_at = models.DateTimeField(_("review asked on"), null=True, blank=True)
    review_request = models.TextField(_("review request"), blank=True)
    review_answered_at = models.DateTimeField(_("review answered on"), null=True, blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="contribution_kind_only_without_parent",
                condition=(Q(parent__isnull=True) & Q(kind__in=Kind.values))
                | (Q(parent__isnull=False) & Q(kind="")),
            ),
            models.CheckConstraint(
                name="contribution_deleted_has_no_text",
                condition=Q(deleted_at__isnull=True) | Q(text=""),
            ),
            models.CheckConstraint(
                name="contribution_moderation_known",
                condition=Q(moderation__in=Moderation.values),
            ),
            models.CheckConstraint(
                name="contribution_hidden_with_a_reason",
                condition=~Q(moderation=Moderation.HIDDEN) | ~Q(moderation_reason=""),
            ),
        ]
        indexes = [
            models.Index(
                fields=["topic", "created_at"],
                condition=Q(parent__isnull=True),
                name="contribution_topic_firsts",
            ),
            models.Index(fields=["topic", "kind", "created_at"], name="contribution_topic_kind"),
            models.Index(fields=["parent", "created_at"], name="contribution_replies"),
            models.Index(
                fields=["moderation", "report_count"],
                condition=~Q(moderation="none") | Q(report_count__gt=0),
                name="contribution_to_moderate",
            ),
        ]

    def __str__(self) -> str:
        return _("Contribution #%(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("debate:contribution", args=[self.pk])

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_visible(self) -> bool:
        return self.deleted_at is None and self.moderation in VISIBLE_STATES


class ReportReason(models.TextChoices):
    INSULT = "insult", _("Insulting or hateful")
    PERSONAL_DATA = "personal_data", _("Reveals someone's personal information")
    OFF_TOPIC = "off_topic", _("Off topic")
    SPAM = "spam", _("Advertising or spam")
    ILLEGAL = "illegal", _("Illegal content")
    OTHER = "other", _("Another reason")


class Report(models.Model):
    """One person's report of one contribution: never shown to the public."""

    Reason = ReportReason

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("details"), blank=True)
    created_at = models.DateTimeField(_("reported on"), auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "reporter"], name="report_once_per_person"
            ),
            models.CheckConstraint(
                name="report_reason_known", condition=Q(reason__in=ReportReason.values)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} (#{self.contribution_id})"


class Decision(models.TextChoices):
    AUTO_HIDDEN = "auto_hidden", _("Hidden after reports")
    HIDDEN = "hidden", _("Hidden")
    RESTORED = "restored", _("Restored")


class ModerationEntry(models.Model):
    """A line of a workshop's public moderation log: what happened to which contribution and
    why. Who reported is never written here."""

    Decision = Decision

    workshop = models.ForeignKey(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="moderation_log",
    )
    decision = models.CharField(_("decision"), max_length=12, choices=Decision.choices)
    reason = models.TextField(_("reason"), blank=True)
    # The moderator; empty when the reports hid the contribution by themselves.
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided on"))

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-decided_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="moderation_decision_known", condition=Q(decision__in=Decision.values)
            ),
        ]
        indexes = [models.Index(fields=["workshop", "-decided_at"], name="moderation_workshop")]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} (#{self.contribution_id})"
