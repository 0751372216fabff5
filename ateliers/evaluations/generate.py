"""The generated city's evaluations (see core/generated_city.py), as the services would have
left them after every finished workshop:

- its evaluation, written by a facilitator some days after the end; most published in the
  closing window (objective met, partly met, not met: OUTCOME_SHARES), their measured
  indicators frozen at publication; the others left as drafts (the window closed on them, or
  is still open); 3 to 6 indicators each, measured by the platform or typed by the team;
- its questionnaire, opened 1 to 20 days after the end (none yet where that day is still to
  come) for 30 days: an invitation for every participant and as many slots; about 30 % of the
  invited answered (fewer where it is still open), some workshops fewer than
  MINIMUM_ANSWERS people. The answered invitations are drawn apart from the filled slots,
  which carry random ids (from the seed): nothing links an answer to who gave it, and every
  slot counts every answer's rewrite, as questionnaire.py leaves them.

Rows are bulk-inserted; everything is drawn from the generator's seed."""

import datetime
import random
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from ateliers.activity.models import Action
from ateliers.core.generated_city import GeneratedCity
from ateliers.core.models import Neighbourhood
from ateliers.recommendations.models import Recommendation
from ateliers.townhall.models import Answer, AnswerStatus
from ateliers.workshops.models import Capacity, Participation, Workshop

from .models import (
    EVALUATION_WINDOW_DAYS,
    QUESTIONNAIRE_DAYS,
    RATED,
    Again,
    AgeBand,
    Evaluation,
    Indicator,
    Invitation,
    Measure,
    Outcome,
    Questionnaire,
    Response,
)

DAY = datetime.timedelta(days=1)
WINDOW = EVALUATION_WINDOW_DAYS * DAY
NBSP = "\u00a0"
OUTCOME_SHARES = [(Outcome.MET, 0.50), (Outcome.PARTLY_MET, 0.35), (Outcome.NOT_MET, 0.15)]
# Of the evaluations whose window has closed, this share was published in time.
PUBLISHED_SHARE = 0.85
# The share of the invited who answer a questionnaire, on average, once it has closed.
ANSWER_RATE = 0.30
EXPLANATIONS = {
    Outcome.MET: [
        "L'objectif est atteint : la ville a repris l'essentiel des préconisations de "
        "l'atelier et le calendrier annoncé est tenu.",
        "Objectif atteint. Les préconisations adoptées ont toutes reçu une réponse, et les "
        "premières mesures sont en place.",
    ],
    Outcome.PARTLY_MET: [
        "L'objectif est en partie atteint : une partie des préconisations est retenue, "
        "d'autres attendent un budget ou ont été écartées.",
        "Objectif en partie atteint. La participation a été bonne, mais les réponses de la "
        "ville se font attendre pour plusieurs préconisations.",
    ],
    Outcome.NOT_MET: [
        "L'objectif n'est pas atteint : trop peu de participants, et les préconisations "
        "n'ont pas trouvé de suite à ce jour.",
        "Objectif non atteint. Le projet a changé en cours d'atelier et les préconisations ne "
        "répondent plus à la question posée au départ.",
    ],
}
# The team's own indicators: name, target, and the bounds of the value found.
TYPED = [
    ("Réunions publiques tenues", 4, (2, 6), ""),
    ("Part des participants de moins de 30 ans", 25, (8, 35), f"{NBSP}%"),
    ("Part des participantes", 50, (35, 62), f"{NBSP}%"),
    ("Préconisations reprises dans le projet final", 3, (0, 5), ""),
    ("Satisfaction moyenne des participants (sur 10)", 7, (5, 9), ""),
    ("Relais dans la presse locale", 3, (0, 6), ""),
]
MEASURED = [
    Measure.PARTICIPANTS,
    Measure.RESIDENTS,
    Measure.NEIGHBOURHOOD_SHARE,
    Measure.ADOPTED,
    Measure.ACCEPTED,
]
CHANGES = [
    "Des réunions plus tard le soir, après le travail.",
    "Envoyer les documents avant les réunions, pas le jour même.",
    "Aller chercher ceux qui ne viennent jamais : les jeunes, les locataires, les commerçants.",
    "Dire dès le début ce que la ville peut payer.",
    "Moins de réunions, mais plus longues et mieux préparées.",
    "Un compte rendu après chaque séance, publié vite.",
    "Plus de temps pour débattre en petits groupes.",
    "Expliquer ce que deviennent nos préconisations après l'atelier.",
    "Une garde d'enfants pendant les réunions.",
    "Des réunions dans le quartier plutôt qu'à l'hôtel de ville.",
    "Rien, c'était très bien organisé.",
    "Traduire les documents pour les habitants qui lisent mal le français.",
    "Que les élus viennent écouter, pas seulement conclure.",
]
AGE_BANDS = [
    (AgeBand.UNDER_18, 3),
    (AgeBand.FROM_18, 14),
    (AgeBand.FROM_30, 24),
    (AgeBand.FROM_45, 25),
    (AgeBand.FROM_60, 20),
    (AgeBand.FROM_75, 6),
    ("", 8),
]
# How each statement departs from a person's overall feeling (influence: the lowest, as
# participants everywhere rate it).
LEANING = {
    "understood": 0.3,
    "could_speak": 0.2,
    "listened_to": 0.0,
    "fair": 0.2,
    "influence": -0.7,
}
MOOD = {Outcome.MET: 3.9, Outcome.PARTLY_MET: 3.5, Outcome.NOT_MET: 2.9, "": 3.4}


@dataclass
class Finished:
    """A finished workshop, and what its evaluation and questionnaire need."""

    pk: int
    title: str
    ends_at: datetime.datetime
    neighbourhood: int | None
    team: int
    participants: list[int] = field(default_factory=list)
    residents: int = 0
    living_here: int = 0
    adopted: int = 0
    accepted: list[datetime.datetime] = field(default_factory=list)
    outcome: str = ""


def generate(city: GeneratedCity) -> None:
    rng = city.rng("evaluations")
    workshops = _finished(city)
    if not workshops:
        return
    log = Log(ContentType.objects.get_for_model(Workshop))
    _evaluations(city, rng, workshops, log)
    _questionnaires(city, rng, workshops, log)
    city.bulk_plain(Action, log.actions, label="activity log: evaluations")


class Log:
    def __init__(self, workshop_type: ContentType):
        self.type = workshop_type
        self.actions: list[Action] = []

    def add(self, verb, workshop: Finished, when, *, public=False, **data) -> None:
        self.actions.append(
            Action(
                actor_id=workshop.team,
                verb=verb,
                target_type=self.type,
                target_id=workshop.pk,
                target_label=workshop.title[:200],
                data={"title": workshop.title, **data},
                public=public,
                created_at=when,
            )
        )


def _finished(city: GeneratedCity) -> list[Finished]:
    """The workshops that have ended, published or archived, in order, with their people and
    what the platform measures of them."""
    rows = (
        Workshop.objects.filter(
            status__in=[Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED],
            ends_at__lte=city.now,
        )
        .order_by("pk")
        .values_list("pk", "title", "ends_at", "neighbourhood_id", "created_by_id")
    )
    workshops = {pk: Finished(pk, title, end, place, team) for pk, title, end, place, team in rows}
    teams: dict[int, int] = {}
    for workshop, user in (
        Workshop.facilitators.through.objects.filter(workshop_id__in=workshops)
        .order_by("pk")
        .values_list("workshop_id", "user_id")
    ):
        teams.setdefault(workshop, user)
    for pk, team in teams.items():
        workshops[pk].team = team
    for workshop, user, capacity, place in (
        Participation.objects.filter(workshop_id__in=workshops)
        .order_by("workshop_id", "pk")
        .values_list("workshop_id", "user_id", "capacity", "user__neighbourhood_id")
    ):
        finished = workshops[workshop]
        finished.participants.append(user)
        finished.residents += capacity == Capacity.RESIDENT
        finished.living_here += place is not None and place == finished.neighbourhood
    adopted = Counter(
        Recommendation.objects.filter(
            workshop_id__in=workshops, status=Recommendation.Status.ADOPTED
        ).values_list("workshop_id", flat=True)
    )
    for pk, count in adopted.items():
        workshops[pk].adopted = count
    for workshop, answered_at in Answer.objects.filter(
        recommendation__workshop_id__in=workshops, status=AnswerStatus.ACCEPTED
    ).values_list("recommendation__workshop_id", "answered_at"):
        workshops[workshop].accepted.append(answered_at)
    return list(workshops.values())


def _number(value: int) -> str:
    return f"{value:,}".replace(",", NBSP)


def _measured(workshop: Finished, measure: str, published_at: datetime.datetime) -> str:
    """The value the platform gave when the evaluation was published."""
    total = len(workshop.participants)
    if measure == Measure.PARTICIPANTS:
        return _number(total)
    if measure == Measure.RESIDENTS:
        return _number(workshop.residents)
    if measure == Measure.NEIGHBOURHOOD_SHARE:
        return f"{round(100 * workshop.living_here / total)}{NBSP}%" if total else "—"
    if measure == Measure.ADOPTED:
        return _number(workshop.adopted)
    return _number(sum(when <= published_at for when in workshop.accepted))


def _target(rng: random.Random, workshop: Finished, measure: str) -> str:
    """A target the team could have set at the start: a round figure near what came."""
    if measure == Measure.NEIGHBOURHOOD_SHARE:
        return f"{rng.choice([50, 60, 70, 80])}{NBSP}%"
    expected = {
        Measure.PARTICIPANTS: len(workshop.participants),
        Measure.RESIDENTS: workshop.residents,
        Measure.ADOPTED: workshop.adopted,
        Measure.ACCEPTED: len(workshop.accepted),
    }[measure]
    step = 10 if expected >= 30 else 1
    return _number(max(step, round(expected * rng.uniform(0.7, 1.4) / step) * step))


def _outcome(rng: random.Random) -> str:
    roll = rng.random()
    for outcome, share in OUTCOME_SHARES:
        if roll < share:
            return outcome
        roll -= share
    return OUTCOME_SHARES[-1][0]


def _evaluations(city: GeneratedCity, rng: random.Random, workshops, log: Log) -> None:
    rows, plans = [], []
    for workshop in workshops:
        ended_for = (city.now - workshop.ends_at) / DAY
        created_at = workshop.ends_at + rng.uniform(0.2, min(60, max(0.3, ended_for))) * DAY
        created_at = min(created_at, city.now)
        published_at = created_at + rng.uniform(1, 25) * DAY
        published_at = min(published_at, workshop.ends_at + WINDOW - DAY / 2)
        window_closed = workshop.ends_at + WINDOW <= city.now
        published = (
            published_at <= city.now
            and published_at > created_at
            and (rng.random() < PUBLISHED_SHARE if window_closed else True)
        )
        outcome = _outcome(rng)
        # A draft may not say yet whether the objective was met.
        if not published and rng.random() < 0.4:
            outcome = ""
        workshop.outcome = outcome
        explanation = rng.choice(EXPLANATIONS[outcome]) if outcome else ""
        rows.append(
            Evaluation(
                workshop_id=workshop.pk,
                outcome=outcome,
                explanation=explanation,
                written_by_id=workshop.team,
                published_at=published_at if published else None,
            )
        )
        plans.append((workshop, created_at, published_at if published else None))
    ids = city.bulk(Evaluation, rows, label="evaluations")
    # `created_at` and `updated_at` are set to now on insertion: their days, afterwards.
    dated = []
    for pk, (_workshop, created_at, published_at) in zip(ids, plans, strict=True):
        dated.append(
            Evaluation(pk=pk, created_at=created_at, updated_at=published_at or created_at)
        )
    Evaluation.objects.bulk_update(dated, ["created_at", "updated_at"], batch_size=2_000)

    def indicators():
        for pk, row, (workshop, created_at, published_at) in zip(ids, rows, plans, strict=True):
            log.add("evaluations.saved", workshop, created_at)
            measures = [
                measure
                for measure in MEASURED
                if measure != Measure.NEIGHBOURHOOD_SHARE or workshop.neighbourhood
            ]
            count = rng.randint(3, 6)
            chosen = rng.sample(measures, k=min(len(measures), rng.randint(1, 3)))
            typed = rng.sample(TYPED, k=count - len(chosen))
            position = 0
            for measure in chosen:
                position += 1
                name = str(Measure(measure).label)
                value = _measured(workshop, measure, published_at) if published_at else ""
                target = _target(rng, workshop, measure) if rng.random() < 0.8 else ""
                log.add("evaluations.indicator_added", workshop, created_at, indicator=name)
                yield Indicator(
                    evaluation_id=pk,
                    name=name,
                    target=target,
                    value=value,
                    measure=measure,
                    position=position,
                )
            for name, target, (low, high), unit in typed:
                position += 1
                # A draft's typed values may still be missing.
                found = published_at is not None or rng.random() < 0.6
                log.add("evaluations.indicator_added", workshop, created_at, indicator=name)
                yield Indicator(
                    evaluation_id=pk,
                    name=name,
                    target=f"{target}{unit}",
                    value=f"{rng.randint(low, high)}{unit}" if found else "",
                    position=position,
                )
            if published_at is not None:
                log.add(
                    "evaluations.published",
                    workshop,
                    published_at,
                    public=True,
                    outcome=row.outcome,
                )

    city.bulk_plain(Indicator, indicators(), label="evaluation indicators")


def _questionnaires(city: GeneratedCity, rng: random.Random, workshops, log: Log) -> None:
    neighbourhoods = list(Neighbourhood.objects.order_by("pk").values_list("pk", flat=True))
    opened, rows = [], []
    for workshop in workshops:
        if not workshop.participants:
            continue
        opens_at = workshop.ends_at + rng.uniform(1, 20) * DAY
        if opens_at > city.now:
            continue  # not opened yet
        closes_at = opens_at + QUESTIONNAIRE_DAYS * DAY
        invited = len(workshop.participants)
        # Answers come in over the month it is open.
        elapsed = min(1.0, (city.now - opens_at) / (closes_at - opens_at))
        rate = min(0.8, max(0.02, rng.gauss(ANSWER_RATE, 0.12))) * elapsed
        answered = sum(rng.random() < rate for _ in range(invited))
        rows.append(
            Questionnaire(
                workshop_id=workshop.pk, opens_at=opens_at, closes_at=closes_at, invited=invited
            )
        )
        opened.append((workshop, answered))
        log.add("evaluations.questionnaire_opened", workshop, opens_at, public=True, count=invited)
    ids = city.bulk(Questionnaire, rows, label="questionnaires")

    def invitations():
        for pk, (workshop, answered) in zip(ids, opened, strict=True):
            who = set(rng.sample(workshop.participants, answered))
            for user in workshop.participants:
                yield Invitation(questionnaire_id=pk, user_id=user, answered=user in who)

    city.bulk_plain(Invitation, invitations(), label="questionnaire invitations")

    def slots():
        for pk, (workshop, answered) in zip(ids, opened, strict=True):
            count = len(workshop.participants)
            # As questionnaire_open makes them: random ids, in their own order; the answers
            # then fill slots drawn at random, and each rewrote them all.
            made = sorted(uuid.UUID(int=rng.getrandbits(128), version=4) for _ in range(count))
            filled = set(rng.sample(range(count), answered))
            for index, slot_id in enumerate(made):
                slot = Response(id=slot_id, questionnaire_id=pk, rewrites=answered)
                if index in filled:
                    _fill(rng, slot, workshop, neighbourhoods)
                yield slot

    city.bulk_plain(Response, slots(), label="questionnaire answers")


def _fill(rng: random.Random, slot: Response, workshop: Finished, neighbourhoods) -> None:
    """One person's plausible answers: ratings around their overall feeling."""
    slot.filled = True
    feeling = rng.gauss(MOOD[workshop.outcome], 0.8)
    for name in RATED:
        if rng.random() < 0.05:
            continue  # left unanswered
        rating = round(feeling + LEANING[name] + rng.gauss(0, 0.6))
        setattr(slot, name, min(5, max(1, rating)))
    if rng.random() < 0.9:
        slot.again = Again.YES if feeling >= 3.6 else Again.MAYBE if feeling >= 2.6 else Again.NO
    if rng.random() < 0.35:
        slot.change = rng.choice(CHANGES)
    bands, weights = zip(*AGE_BANDS, strict=True)
    slot.age_band = rng.choices(bands, weights)[0]
    slot.first_time = rng.choices([True, False, None], [40, 50, 10])[0]
    roll = rng.random()
    if workshop.neighbourhood and roll < 0.6:
        slot.neighbourhood_id = workshop.neighbourhood
    elif roll < 0.85 and neighbourhoods:
        slot.neighbourhood_id = rng.choice(neighbourhoods)
