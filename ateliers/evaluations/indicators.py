"""What the platform measures of a workshop, for its evaluation's indicators.

Each measure is read as the other pages count it: the participants by capacity and by the
neighbourhood of their profile (as the dossier does), the attendance of its participants at
the trainings it recommended, the attendees recorded when its meetings closed, its visible
debate contributions, the people who voted in its opinion maps, and its adopted
recommendations as the town hall's follow-up reads them (answered by the deadline, accepted,
implemented). Eight queries, whatever the workshop's size (MEASURE_QUERIES).

The values are text, as the evaluation shows them and keeps them once published ("120",
"45 %"): publishing writes them into the measured indicators, which then no longer change.
"""

from django.db.models import Count, IntegerField, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from ateliers.core.waitlist import RegistrationStatus
from ateliers.debate.models import VISIBLE_STATES, Contribution
from ateliers.meetings.models import Meeting
from ateliers.opinions.models import Voter
from ateliers.townhall import figures
from ateliers.townhall import selectors_followup as followup
from ateliers.trainings.models import SessionRegistration
from ateliers.workshops.models import Capacity, Participation, Workshop

from .models import Measure

MEASURE_QUERIES = 8
# A share that cannot be computed: a city-wide workshop has no neighbourhood of its own, and
# a workshop without participants has no share.
NOT_APPLICABLE = "—"
NBSP = "\u00a0"


def number(value: int) -> str:
    """A whole number in the French style: thousands apart by a no-break space."""
    return f"{value:,}".replace(",", NBSP)


def percent(part: int, whole: int) -> str:
    if not whole:
        return NOT_APPLICABLE
    return f"{round(100 * part / whole)}{NBSP}%"


def _participation(workshop: Workshop) -> dict[str, str]:
    """One query: the participants, those taking part as residents, and those whose profile
    gives the workshop's neighbourhood."""
    counted = {
        "total": Count("pk"),
        "residents": Count("pk", filter=Q(capacity=Capacity.RESIDENT)),
    }
    if workshop.neighbourhood_id:
        counted["living_here"] = Count(
            "pk", filter=Q(user__neighbourhood_id=workshop.neighbourhood_id)
        )
    counts = Participation.objects.filter(workshop=workshop).aggregate(**counted)
    share = (
        percent(counts["living_here"], counts["total"])
        if workshop.neighbourhood_id
        else NOT_APPLICABLE
    )
    return {
        Measure.PARTICIPANTS: number(counts["total"]),
        Measure.RESIDENTS: number(counts["residents"]),
        Measure.NEIGHBOURHOOD_SHARE: share,
    }


def _training_attendance(workshop: Workshop) -> int:
    """One query: the sessions attended by the workshop's participants, of the trainings it
    recommended (the dossier's "of them, participants", summed)."""
    return SessionRegistration.objects.filter(
        session__training__recommended_for=workshop,
        status=RegistrationStatus.REGISTERED,
        attended=True,
        user__in=Participation.objects.filter(workshop=workshop).values("user"),
    ).count()


def _meeting_attendance(workshop: Workshop) -> int:
    """One query: the attendees counted when its meetings closed (the cancelled ones aside)."""
    return Meeting.objects.filter(workshop=workshop, cancelled_at__isnull=True).aggregate(
        attendees=Coalesce(Sum("attendee_count"), 0, output_field=IntegerField())
    )["attendees"]


def _contributions(workshop: Workshop) -> int:
    """One query: its debate's contributions and replies that anyone can read (not deleted,
    not hidden by moderation or awaiting a decision)."""
    return Contribution.objects.filter(
        topic__workshop=workshop, deleted_at__isnull=True, moderation__in=VISIBLE_STATES
    ).count()


def _opinion_map_participants(workshop: Workshop) -> int:
    """One query: the people who voted in any of its conversations, each counted once; the
    voters imported from Polis have no account, and each is a person of their own."""
    counts = Voter.objects.filter(conversation__workshop=workshop).aggregate(
        people=Count("user", distinct=True),
        imported=Count("pk", filter=Q(user__isnull=True)),
    )
    return counts["people"] + counts["imported"]


def _followup(workshop: Workshop) -> dict[str, str]:
    """Three queries: its adopted recommendations, and among them those the city answered by
    their deadline, accepted (fully: the partly accepted ones are not counted), and
    implemented, counted as the follow-up counts them (townhall/figures.py)."""
    counted = figures.city_figures(
        followup.followed().filter(workshop=workshop), today=timezone.localdate()
    )
    return {
        Measure.ADOPTED: number(counted.total),
        Measure.ANSWERED_ON_TIME: number(counted.answered_on_time.numerator),
        Measure.ACCEPTED: number(counted.accepted.numerator),
        Measure.IMPLEMENTED: number(counted.implemented.numerator),
    }


def measured_values(workshop: Workshop) -> dict[str, str]:
    """Each measure's value today, as shown ("120", "45 %"), by Measure key: eight queries,
    whatever the workshop's size."""
    values = {
        **_participation(workshop),
        Measure.TRAINING_ATTENDANCE: number(_training_attendance(workshop)),
        Measure.MEETING_ATTENDANCE: number(_meeting_attendance(workshop)),
        Measure.CONTRIBUTIONS: number(_contributions(workshop)),
        Measure.OPINION_MAP_PARTICIPANTS: number(_opinion_map_participants(workshop)),
        **_followup(workshop),
    }
    # Plain keys: the values are compared with Indicator.measure, a plain string.
    return {str(key): value for key, value in values.items()}
