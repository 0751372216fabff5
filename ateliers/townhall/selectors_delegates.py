"""Reads of a workshop's delegates page and of its section on the workshop's page: how the
delegates were chosen, every volunteer's ticket in a draw, the volunteers' count, the hearing
and the answer deadline. Each read is one query, whatever the number of volunteers."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ateliers.core.models import User
from ateliers.recommendations.models import Status as RecommendationStatus
from ateliers.workshops.models import Participation, Workshop

from .deadlines import answer_due, is_overdue
from .delegates import draw, ticket
from .models import AgendaItem, Delegate, Delegation, Volunteer
from .selectors import answer_months_of, hearing_of

TICKETS_PER_PAGE = 50
# A SHA-256 ticket is shown in groups of this many characters, so that a phone can wrap it.
TICKET_GROUP = 8
DELETED_ACCOUNT = _("Deleted participant")


def delegation_of(workshop: Workshop) -> Delegation | None:
    """How the workshop chose its delegates (None: not yet), its delegates in order with their
    accounts (two queries)."""
    return (
        Delegation.objects.filter(workshop=workshop)
        .prefetch_related(
            Prefetch(
                "delegates",
                queryset=Delegate.objects.select_related("user").order_by("position"),
            )
        )
        .first()
    )


def is_chosen(workshop: Workshop) -> bool:
    return Delegation.objects.filter(workshop=workshop).exists()


def volunteer_count(workshop: Workshop) -> int:
    return Volunteer.objects.filter(workshop=workshop).count()


def has_volunteered(workshop: Workshop, user) -> bool:
    if not user.is_authenticated:
        return False
    return Volunteer.objects.filter(workshop=workshop, user=user).exists()


@dataclass(frozen=True)
class TicketRow:
    """One volunteer of a draw: their rank in the draw, public name, ticket, and whether
    they are among the delegates."""

    rank: int
    user_id: int
    name: str
    ticket: str
    drawn: bool

    @property
    def ticket_groups(self) -> list[str]:
        return [
            self.ticket[start : start + TICKET_GROUP]
            for start in range(0, len(self.ticket), TICKET_GROUP)
        ]


def draw_tickets(delegation: Delegation, *, page: str | int | None = None) -> Page:
    """The draw's volunteers sorted as drawn (smallest ticket first), by pages: the
    delegates are the first ones. Reads the public names of one page (one query)."""
    seed = delegation.seed
    order = draw(seed, delegation.candidates, len(delegation.candidates))
    page_obj = Paginator(order, TICKETS_PER_PAGE).get_page(page)
    chosen = {delegate.user_id for delegate in delegation.delegates.all()}
    people = {
        person.pk: person
        for person in User.objects.filter(pk__in=list(page_obj.object_list)).only(
            "pk", "display_name", "deleted_at"
        )
    }
    first = page_obj.start_index()
    rows = [
        TicketRow(
            rank=first + index,
            user_id=user_id,
            # An account deleted since the draw keeps its ticket, not its name.
            name=str(people[user_id].public_name if user_id in people else DELETED_ACCOUNT),
            ticket=ticket(seed, user_id),
            drawn=user_id in chosen,
        )
        for index, user_id in enumerate(page_obj.object_list)
    ]
    return Page(rows, page_obj.number, page_obj.paginator)


# --- The hearing and the answer deadline ----------------------------------------------------


class DeadlineState:
    UNSCHEDULED = "unscheduled"  # no hearing on an agenda yet
    EXPECTED = "expected"  # answers expected by the deadline
    LATE = "late"  # the deadline passed with recommendations still unanswered
    ANSWERED = "answered"  # every adopted recommendation is answered


@dataclass(frozen=True)
class AnswerDeadline:
    hearing: AgendaItem | None
    heard: bool  # the hearing's session has begun
    months: int
    due: datetime.date | None
    adopted: int
    unanswered: int
    state: str


def answers_count(workshop: Workshop) -> tuple[int, int]:
    """The workshop's adopted recommendations, and those the city has not answered yet."""
    counts = workshop.recommendations.filter(status=RecommendationStatus.ADOPTED).aggregate(
        adopted=Count("pk"), unanswered=Count("pk", filter=Q(answer__isnull=True))
    )
    return counts["adopted"], counts["unanswered"]


def hearing_day(item: AgendaItem | None) -> datetime.date | None:
    return timezone.localtime(item.session.starts_at).date() if item is not None else None


def answer_deadline_of(workshop: Workshop, *, today: datetime.date | None = None) -> AnswerDeadline:
    """When the workshop is heard, when the city's answers are due, and where they stand
    (three queries)."""
    hearing = hearing_of(workshop)
    months = answer_months_of(workshop)
    due = answer_due(hearing_day(hearing), months)
    adopted, unanswered = answers_count(workshop)
    today = today or timezone.localdate()
    if due is None:
        state = DeadlineState.UNSCHEDULED
    elif adopted and not unanswered:
        state = DeadlineState.ANSWERED
    elif unanswered and is_overdue(due, None, today):
        state = DeadlineState.LATE
    else:
        state = DeadlineState.EXPECTED
    heard = hearing is not None and hearing.session.starts_at <= timezone.now()
    return AnswerDeadline(hearing, heard, months, due, adopted, unanswered, state)


# --- Choosing delegates by election ---------------------------------------------------------


def participants_matching(workshop: Workshop, text: str, *, most: int = 2) -> list[User]:
    """The workshop's participants whose e-mail address or public name is `text` (case
    ignored): one is a match, none or more than one is for the team to correct."""
    text = text.strip()
    if not text:
        return []
    found = Participation.objects.filter(workshop=workshop).filter(
        Q(user__email__iexact=text) | Q(user__display_name__iexact=text)
    )
    return [participation.user for participation in found.select_related("user")[:most]]


# --- The workshop page's section ------------------------------------------------------------


def section_delegates(workshop: Workshop) -> list[Delegate]:
    """The delegates in order, with their accounts and their delegation (one query)."""
    return list(
        Delegate.objects.filter(delegation__workshop=workshop)
        .select_related("user", "delegation")
        .order_by("position")
    )
