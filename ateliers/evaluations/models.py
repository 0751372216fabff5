"""Did each workshop reach its objective? Its facilitators' evaluation against the plan the
workshop stated from the start (objective met, partly, or not; indicators with targets and
values), and the participants' anonymous questionnaire (OECD, 2021: the design's integrity, the
participants' experience, the path to impact).

Anonymity by design (questionnaire.py): who answered is kept in `Invitation.answered` (so that
a person answers once), what they answered in a `Response` slot that nothing links to them —
no foreign key, no time, no order: the slots are made, empty, all at once when the
questionnaire opens, under random ids; an answer fills one drawn at random, and every answer
rewrites every slot of the questionnaire so that no slot keeps a trace of when it was filled.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The questionnaire stays open this long; results show from this many answers on.
QUESTIONNAIRE_DAYS = 30
MINIMUM_ANSWERS = 5
# The closing window after a workshop's end: the evaluation is written, published and the
# questionnaire opened in it; answers come in until the questionnaire closes.
EVALUATION_WINDOW_DAYS = 90


class Outcome(models.TextChoices):
    MET = "met", _("Objective met")
    PARTLY_MET = "partly_met", _("Objective partly met")
    NOT_MET = "not_met", _("Objective not met")


class Evaluation(models.Model):
    Outcome = Outcome

    workshop = models.OneToOneField(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="evaluation",
    )
    outcome = models.CharField(_("objective"), max_length=12, choices=Outcome.choices, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)
    # Set once: a published evaluation no longer changes.
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.CheckConstraint(
                name="evaluation_published_is_complete",
                condition=Q(published_at__isnull=True) | (~Q(outcome="") & ~Q(explanation="")),
            ),
        ]

    def __str__(self) -> str:
        return str(self.workshop)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Measure(models.TextChoices):
    """What the platform counts by itself (indicators.py computes each)."""

    PARTICIPANTS = "participants", _("Participants")
    RESIDENTS = "residents", _("Participants taking part as residents")
    NEIGHBOURHOOD_SHARE = "neighbourhood_share", _("Participants living in the neighbourhood (%)")
    TRAINING_ATTENDANCE = "training_attendance", _("Attendance at trainings")
    MEETING_ATTENDANCE = "meeting_attendance", _("Attendance at meetings")
    CONTRIBUTIONS = "contributions", _("Debate contributions")
    OPINION_MAP_PARTICIPANTS = "opinion_map_participants", _("Opinion-map participants")
    ADOPTED = "adopted", _("Recommendations adopted")
    ANSWERED_ON_TIME = "answered_on_time", _("Recommendations answered by the deadline")
    ACCEPTED = "accepted", _("Recommendations accepted")
    IMPLEMENTED = "implemented", _("Recommendations implemented")


class Indicator(models.Model):
    """An indicator of the evaluation: typed by the facilitators, or measured by the platform
    (`measure`), whose value is frozen when the evaluation is published."""

    Measure = Measure

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=160)
    target = models.CharField(_("target"), max_length=80, blank=True)
    value = models.CharField(_("measured value"), max_length=80, blank=True)
    measure = models.CharField(
        _("measured by the platform"), max_length=30, choices=Measure.choices, blank=True
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["evaluation", "position", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "measure"],
                condition=~Q(measure=""),
                name="indicator_measure_once",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Questionnaire(models.Model):
    workshop = models.OneToOneField(
        "workshops.Workshop",
        verbose_name=_("workshop"),
        on_delete=models.CASCADE,
        related_name="questionnaire",
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    invited = models.PositiveIntegerField(_("people invited"), default=0)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.CheckConstraint(
                name="questionnaire_closes_after_opening",
                condition=Q(closes_at__gt=models.F("opens_at")),
            ),
        ]

    def __str__(self) -> str:
        return str(self.workshop)

    def is_open(self, now) -> bool:
        return self.opens_at <= now < self.closes_at


class Invitation(models.Model):
    """That a person was invited, and whether they answered: never what, never when."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_invitations"
    )
    answered = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "user"], name="invited_once"),
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} – {self.user}"


class Agreement(models.IntegerChoices):
    STRONGLY_DISAGREE = 1, _("Strongly disagree")
    DISAGREE = 2, _("Disagree")
    NEUTRAL = 3, _("Neither agree nor disagree")
    AGREE = 4, _("Agree")
    STRONGLY_AGREE = 5, _("Strongly agree")


class Again(models.TextChoices):
    YES = "yes", _("Yes")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("No")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    FROM_18 = "18_29", _("18 to 29")
    FROM_30 = "30_44", _("30 to 44")
    FROM_45 = "45_59", _("45 to 59")
    FROM_60 = "60_74", _("60 to 74")
    FROM_75 = "75_plus", _("75 and over")


# The statements a participant rates from 1 to 5, in the questionnaire's order.
RATED = ("understood", "could_speak", "listened_to", "fair", "influence")


def _rating(label):
    return models.PositiveSmallIntegerField(
        label,
        choices=Agreement.choices,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )


class Response(models.Model):
    """One anonymous slot: empty until an answer fills it (see the module's docstring)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="responses"
    )
    filled = models.BooleanField(default=False)
    # Rewritten by every answer to the questionnaire, whichever slot it fills.
    rewrites = models.PositiveIntegerField(default=0)
    understood = _rating(_("I understood the issues"))
    could_speak = _rating(_("I could speak and give my opinion"))
    listened_to = _rating(_("I was listened to"))
    fair = _rating(_("The facilitation was fair"))
    influence = _rating(_("The workshop influenced the result"))
    again = models.CharField(
        _("I would take part again"), max_length=5, choices=Again.choices, blank=True
    )
    change = models.TextField(_("What should change"), blank=True)
    age_band = models.CharField(_("Age"), max_length=10, choices=AgeBand.choices, blank=True)
    first_time = models.BooleanField(_("My first participation"), null=True, blank=True)
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood",
        verbose_name=_("My neighbourhood"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("questionnaire answer")
        verbose_name_plural = _("questionnaire answers")
        constraints = [
            models.CheckConstraint(
                name="response_ratings_1_to_5",
                condition=Q(
                    *(
                        Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": 1, f"{name}__lte": 5})
                        for name in RATED
                    )
                ),
            ),
        ]

    def __str__(self) -> str:
        return str(self.pk)
