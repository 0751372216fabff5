"""What a workshop's dossier for the town hall shows, read in a fixed number of queries
whatever the number of participants, documents, meetings or recommendations: counts are
aggregates, lists are one query each.

The dossier names nobody but the workshop's facilitators and the authors of its adopted
recommendations (by their public names), and what the apps above add as parts
(dossier_parts.py: the delegates heard at the town hall, the evaluation); who took part is
counted, by capacity and by neighbourhood. `digest(dossier)` is the fingerprint of all it
shows, the parts included: the PDF is made again only when it changes.
"""

import dataclasses
import datetime
import hashlib
import json
from collections import defaultdict

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from ateliers.core.waitlist import RegistrationStatus
from ateliers.debate.models import VISIBLE_STATES, Contribution, Topic
from ateliers.documents.models import Document
from ateliers.meetings.models import Meeting
from ateliers.opinions.models import MapSnapshot, Statement, StatementStatus
from ateliers.trainings.models import SessionRegistration, Training
from ateliers.workshops.models import Capacity, Participation, Workshop
from ateliers.workshops.phases import PHASE_TYPES, PhaseKind

from .dossier_parts import PartData, parts_of
from .grounds import DOSSIER_EXCERPT, plain_excerpt
from .models import Adoption, Dissent, Recommendation, RecommendationAuthor

# Representative statements shown per group, and statements shared by all groups, per map.
REPRESENTATIVE_PER_GROUP = 3
SHARED_PER_MAP = 5


@dataclasses.dataclass(frozen=True)
class PhaseDates:
    kind: int
    label: StrOrPromise
    summary: StrOrPromise
    starts_at: datetime.datetime
    ends_at: datetime.datetime


@dataclasses.dataclass(frozen=True)
class Count_:
    label: StrOrPromise
    number: int


@dataclasses.dataclass(frozen=True)
class TrainingLine:
    title: str
    sessions: int
    registered: int
    attended: int
    attended_by_participants: int


@dataclasses.dataclass(frozen=True)
class MeetingLine:
    title: str
    kind: StrOrPromise
    starts_at: datetime.datetime
    cancelled: bool
    attendees: int | None


@dataclasses.dataclass(frozen=True)
class Debate:
    topics: int
    contributions: list[Count_]

    @property
    def total(self) -> int:
        return sum(count.number for count in self.contributions)


@dataclasses.dataclass(frozen=True)
class MapGroup:
    label: str
    size: int
    representative: list[tuple[str, str]]  # (statement, "agree" or "disagree")


@dataclasses.dataclass(frozen=True)
class OpinionMap:
    question: str
    computed_at: datetime.datetime
    participants: int
    statements: int
    votes: int
    groups: list[MapGroup]
    shared: list[str]


@dataclasses.dataclass(frozen=True)
class DissentLine:
    text: str
    held_by: str


@dataclasses.dataclass(frozen=True)
class Decision:
    method: StrOrPromise
    result: StrOrPromise
    votes_for: int
    votes_against: int
    abstentions: int
    decided_at: datetime.datetime | None
    note: str

    @property
    def has_tallies(self) -> bool:
        return bool(self.votes_for or self.votes_against or self.abstentions)


@dataclasses.dataclass(frozen=True)
class GroundLine:
    """Something an adopted recommendation builds on (grounds.py): a contribution's kind and
    excerpt, or an opinion-map statement."""

    kind: StrOrPromise
    text: str


@dataclasses.dataclass(frozen=True)
class AdoptedLine:
    pk: int
    title: str
    text: str
    general_interest: str
    cost_note: str
    feasibility_note: str
    supports: int
    authors: list[str]
    decision: Decision | None
    dissents: list[DissentLine]
    grounds: list[GroundLine] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class OtherLine:
    pk: int
    title: str
    status: StrOrPromise
    supports: int
    decision: Decision | None


@dataclasses.dataclass(frozen=True)
class DossierData:
    slug: str
    title: str
    is_policy: bool
    kind: StrOrPromise
    neighbourhood: str
    project: str
    objective: str
    evaluation_plan: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    phases: list[PhaseDates]
    facilitators: list[str]
    participants: int
    by_capacity: list[Count_]
    by_neighbourhood: list[Count_]
    documents: list[str]
    trainings: list[TrainingLine]
    meetings: list[MeetingLine]
    debate: Debate
    maps: list[OpinionMap]
    adopted: list[AdoptedLine]
    others: list[OtherLine]
    # What the apps above add (dossier_parts.py), in order.
    parts: list[PartData] = dataclasses.field(default_factory=list)

    @property
    def held_meetings(self) -> int:
        return sum(1 for meeting in self.meetings if not meeting.cancelled)


def _phases(workshop: Workshop) -> list[PhaseDates]:
    return [
        PhaseDates(
            kind=phase.kind,
            label=PhaseKind(phase.kind).label,
            summary=PHASE_TYPES[PhaseKind(phase.kind)].summary,
            starts_at=phase.starts_at,
            ends_at=phase.ends_at,
        )
        for phase in workshop.ordered_phases
    ]


def _participation(workshop: Workshop) -> tuple[list[Count_], list[Count_]]:
    """Two queries: the participants by capacity, and by the neighbourhood of their
    profile (those who gave none are counted together)."""
    by_capacity = dict(
        Participation.objects.filter(workshop=workshop)
        .order_by()
        .values_list("capacity")
        .annotate(number=Count("pk"))
    )
    capacities = [
        Count_(label, by_capacity[value])
        for value, label in Capacity.choices
        if by_capacity.get(value)
    ]
    rows = list(  # read once: both sums below go through it
        Participation.objects.filter(workshop=workshop)
        .order_by()
        .values_list("user__neighbourhood__name")
        .annotate(number=Count("pk"))
    )
    named = sorted((name, number) for name, number in rows if name is not None)
    unnamed = sum(number for name, number in rows if name is None)
    neighbourhoods = [Count_(name, number) for name, number in named]
    if unnamed:
        neighbourhoods.append(Count_(_("Not given"), unnamed))
    return capacities, neighbourhoods


def _trainings(workshop: Workshop) -> list[TrainingLine]:
    """One query: the trainings the workshop recommended, with their sessions, seats taken,
    and attendance (of everyone, and of the workshop's participants)."""
    registrations = SessionRegistration.objects.filter(
        session__training=OuterRef("pk"), status=RegistrationStatus.REGISTERED
    )

    def counted(queryset):
        return Coalesce(
            Subquery(
                queryset.order_by().values("session__training").annotate(n=Count("pk")).values("n"),
                output_field=IntegerField(),
            ),
            0,
        )

    participants = Participation.objects.filter(workshop=workshop).values("user")
    trainings = (
        Training.objects.filter(recommended_for=workshop)
        .annotate(
            n_sessions=Count("sessions", filter=Q(sessions__cancelled_at__isnull=True)),
            n_registered=counted(registrations),
            n_attended=counted(registrations.filter(attended=True)),
            n_attended_here=counted(registrations.filter(attended=True, user__in=participants)),
        )
        .order_by("title", "pk")
    )
    return [
        TrainingLine(
            training.title,
            training.n_sessions,
            training.n_registered,
            training.n_attended,
            training.n_attended_here,
        )
        for training in trainings
    ]


def _meetings(workshop: Workshop) -> list[MeetingLine]:
    kinds = dict(Meeting._meta.get_field("kind").flatchoices)
    return [
        MeetingLine(title, kinds.get(kind, kind), starts_at, cancelled is not None, attendees)
        for title, kind, starts_at, cancelled, attendees in Meeting.objects.filter(
            workshop=workshop
        )
        .order_by("starts_at", "pk")
        .values_list("title", "kind", "starts_at", "cancelled_at", "attendee_count")
    ]


def _debate(workshop: Workshop) -> Debate:
    """One query: the topics' kept counters, summed."""
    counters = Topic.objects.filter(workshop=workshop).aggregate(
        topics=Count("pk"),
        **{
            name: Coalesce(Sum(f"{name}_count"), 0)
            for name in ("for", "against", "question", "remark", "reply")
        },
    )
    return Debate(
        topics=counters["topics"],
        contributions=[
            Count_(_("Arguments for"), counters["for"]),
            Count_(_("Arguments against"), counters["against"]),
            Count_(_("Questions"), counters["question"]),
            Count_(_("Remarks"), counters["remark"]),
            Count_(_("Replies"), counters["reply"]),
        ],
    )


def _maps(workshop: Workshop) -> list[OpinionMap]:
    """Two queries: the latest snapshot of each of the workshop's conversations, then the
    accepted statements they list (as the results page reads them)."""
    latest = MapSnapshot.objects.filter(conversation=OuterRef("conversation")).order_by(
        "-computed_at", "-pk"
    )
    snapshots = list(
        MapSnapshot.objects.filter(conversation__workshop=workshop)
        .filter(pk=Subquery(latest.values("pk")[:1]))
        .select_related("conversation")
        .defer("state")
        .order_by("conversation__opened_at", "conversation__pk")
    )
    wanted: set[int] = set()
    for snapshot in snapshots:
        data = snapshot.result
        wanted.update(data.get("shared", [])[:SHARED_PER_MAP])
        for group in data.get("groups", []):
            for rep in group.get("representative", [])[:REPRESENTATIVE_PER_GROUP]:
                wanted.add(rep["statement"])
    texts = dict(
        Statement.objects.filter(
            pk__in=sorted(wanted),
            conversation__workshop=workshop,
            status=StatementStatus.ACCEPTED,
        ).values_list("pk", "text")
        if wanted
        else []
    )
    maps = []
    for snapshot in snapshots:
        data = snapshot.result
        groups = [
            MapGroup(
                label=group["label"],
                size=group["size"],
                representative=[
                    (texts[rep["statement"]], rep.get("direction", ""))
                    for rep in group.get("representative", [])[:REPRESENTATIVE_PER_GROUP]
                    if rep["statement"] in texts
                ],
            )
            for group in data.get("groups", [])
        ]
        maps.append(
            OpinionMap(
                question=snapshot.conversation.question,
                computed_at=snapshot.computed_at,
                participants=snapshot.n_participants,
                statements=snapshot.n_statements,
                votes=snapshot.n_votes,
                groups=groups,
                shared=[texts[pk] for pk in data.get("shared", [])[:SHARED_PER_MAP] if pk in texts],
            )
        )
    return maps


def _decision(adoption: Adoption | None) -> Decision | None:
    if adoption is None:
        return None
    return Decision(
        method=Adoption.Method(adoption.method).label,
        result=Adoption.Result(adoption.result).label,
        votes_for=adoption.votes_for,
        votes_against=adoption.votes_against,
        abstentions=adoption.abstentions,
        decided_at=adoption.decided_at,
        note=adoption.note,
    )


def _grounds(adopted_ids: list[int]) -> dict[int, list[GroundLine]]:
    """Two queries: the public contributions and statements the adopted recommendations
    build on (grounds.py), kept short."""
    lines: dict[int, list[GroundLine]] = defaultdict(list)
    for recommendation_id, kind, text in (
        Recommendation.contributions.through.objects.filter(
            recommendation_id__in=adopted_ids,
            contribution__deleted_at__isnull=True,
            contribution__moderation__in=VISIBLE_STATES,
        )
        .order_by("contribution__created_at", "contribution__pk")
        .values_list("recommendation_id", "contribution__kind", "contribution__text")
    ):
        label = Contribution.Kind(kind).label if kind else _("Reply")
        lines[recommendation_id].append(GroundLine(label, plain_excerpt(text, DOSSIER_EXCERPT)))
    for recommendation_id, text in (
        Recommendation.statements.through.objects.filter(
            recommendation_id__in=adopted_ids, statement__status=StatementStatus.ACCEPTED
        )
        .order_by("statement__conversation_id", "statement__position")
        .values_list("recommendation_id", "statement__text")
    ):
        lines[recommendation_id].append(
            GroundLine(_("Opinion-map statement"), Truncator(text).chars(DOSSIER_EXCERPT))
        )
    return lines


def _recommendations(workshop: Workshop) -> tuple[list[AdoptedLine], list[OtherLine]]:
    """Four queries: the recommendations, their decisions (on themselves, not on an
    amendment), the dissents recorded with those, and the authors of the adopted ones; and
    two for what the adopted ones build on (_grounds)."""
    recommendations = list(
        Recommendation.objects.filter(workshop=workshop).order_by(
            "-support_count", "created_at", "pk"
        )
    )
    ids = [recommendation.pk for recommendation in recommendations]
    adoptions = {
        adoption.recommendation_id: adoption
        for adoption in Adoption.objects.filter(recommendation_id__in=ids, amendment__isnull=True)
    }
    dissents: dict[int, list[DissentLine]] = defaultdict(list)
    for adoption_id, text, held_by in Dissent.objects.filter(
        adoption_id__in=[adoption.pk for adoption in adoptions.values()]
    ).values_list("adoption_id", "text", "held_by"):
        dissents[adoption_id].append(DissentLine(text, held_by))
    adopted_ids = [r.pk for r in recommendations if r.status == Recommendation.Status.ADOPTED]
    authors: dict[int, list[str]] = defaultdict(list)
    for author in RecommendationAuthor.objects.filter(
        recommendation_id__in=adopted_ids
    ).select_related("user"):
        authors[author.recommendation_id].append(str(author.user.public_name))
    grounds = _grounds(adopted_ids)
    adopted, others = [], []
    for recommendation in recommendations:
        adoption = adoptions.get(recommendation.pk)
        if recommendation.status == Recommendation.Status.ADOPTED:
            adopted.append(
                AdoptedLine(
                    pk=recommendation.pk,
                    title=recommendation.title,
                    text=recommendation.text,
                    general_interest=recommendation.general_interest,
                    cost_note=recommendation.cost_note,
                    feasibility_note=recommendation.feasibility_note,
                    supports=recommendation.support_count,
                    authors=authors[recommendation.pk],
                    decision=_decision(adoption),
                    dissents=dissents[adoption.pk] if adoption is not None else [],
                    grounds=grounds[recommendation.pk],
                )
            )
        else:
            others.append(
                OtherLine(
                    pk=recommendation.pk,
                    title=recommendation.title,
                    status=Recommendation.Status(recommendation.status).label,
                    supports=recommendation.support_count,
                    decision=_decision(adoption),
                )
            )
    return adopted, others


def dossier_of(workshop: Workshop) -> DossierData:
    """Everything the dossier shows. `workshop` comes with its phases, facilitators and
    neighbourhood (workshops.selectors.workshop_for_page): 14 queries, whatever its size, and
    those of the registered parts (dossier_parts.py: 4 with the town hall's and the
    evaluation's)."""
    by_capacity, by_neighbourhood = _participation(workshop)
    adopted, others = _recommendations(workshop)
    return DossierData(
        slug=workshop.slug,
        title=workshop.title,
        is_policy=workshop.kind == Workshop.Kind.CITY,
        kind=Workshop.Kind(workshop.kind).label,
        neighbourhood=str(workshop.neighbourhood) if workshop.neighbourhood_id else "",
        project=workshop.project,
        objective=workshop.objective,
        evaluation_plan=workshop.evaluation_plan,
        starts_at=workshop.starts_at,
        ends_at=workshop.ends_at,
        phases=_phases(workshop),
        facilitators=sorted(str(person.public_name) for person in workshop.facilitators.all()),
        participants=sum(count.number for count in by_capacity),
        by_capacity=by_capacity,
        by_neighbourhood=by_neighbourhood,
        documents=list(
            Document.objects.filter(workshop=workshop)
            .order_by("category", "title", "pk")
            .values_list("title", flat=True)
        ),
        trainings=_trainings(workshop),
        meetings=_meetings(workshop),
        debate=_debate(workshop),
        maps=_maps(workshop),
        adopted=adopted,
        others=others,
        parts=parts_of(workshop),
    )


# Labels stay lazy in the data (never `get_FOO_display()`, which translates at once): the
# digest reads them all in French, whatever language the page that asked for it was in.


def _plain(value):
    if isinstance(value, datetime.date):  # and datetimes
        return value.isoformat()
    return str(value)  # translated labels


def digest(dossier: DossierData) -> str:
    """The sha256 of all the dossier shows, in French (the PDF's language): what its PDF
    was made from."""
    with translation.override("fr"):
        text = json.dumps(dataclasses.asdict(dossier), default=_plain, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()
