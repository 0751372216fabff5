"""The generated city's workshops over several years, their phases and participants (see
core/generated_city.py). Every phase has workshops running today; counts match their rows."""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from ateliers.activity.models import Action
from ateliers.core.generated_city import GeneratedCity
from ateliers.core.models import Neighbourhood, Role

from .models import Capacity, Participation, Phase, Workshop
from .phases import PhaseKind, default_phase_bounds

DAY = datetime.timedelta(days=1)
SUBJECTS = (
    "Réaménager la place|Une rue aux écoles|Un jardin partagé|Rénover le city-stade|"
    "Végétaliser les cours d'école|Les horaires de la médiathèque|Un marché du soir|"
    "L'éclairage du parc|Le stationnement|Une maison de santé|Les pistes cyclables|"
    "Le budget participatif|Les fêtes de quartier|La propreté des rues|Un tiers-lieu"
).split("|")
POLICIES = (
    "Plan vélo|Plan climat|Politique jeunesse|Tarifs des équipements|Accès aux droits|"
    "Alimentation durable|Lutte contre l'isolement|Plan lumière|Sobriété énergétique"
).split("|")
ASSOCIATIONS = ["Vélo Cité", "Les Amis du Parc", "Quartiers Solidaires", "Jardins Ouverts"]


@dataclass
class Plan:
    """One workshop to insert, with its people, before any row exists."""

    number: int
    kind: str
    title: str
    neighbourhood: int | None
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    status: str
    capacity: int | None
    themes: list[int]
    sponsors: list[int]
    proposed_by: int | None
    facilitators: list[int]
    participants: list[int] = field(default_factory=list)


def generate(city: GeneratedCity) -> None:
    plans = _plan(city)
    _choose_participants(city, plans)
    ids = city.bulk(
        Workshop,
        (
            Workshop(
                kind=plan.kind,
                title=plan.title,
                slug=f"{slugify(plan.title)[:150]}-{plan.number}",
                project=f"{plan.title} : ce que la ville prévoit, et ce qu'elle demande.",
                objective="Des préconisations partagées, remises à la mairie.",
                evaluation_plan="Part des préconisations retenues ; diversité des participants.",
                neighbourhood_id=plan.neighbourhood,
                capacity=plan.capacity,
                participant_count=len(plan.participants),
                status=plan.status,
                starts_at=plan.starts_at,
                ends_at=plan.ends_at,
                proposed_by_id=plan.proposed_by,
                created_by_id=plan.facilitators[0],
                published_at=None if plan.status == Workshop.Status.DRAFT else plan.starts_at,
            )
            for plan in plans
        ),
        label="workshops",
    )
    city.ids["workshops"] = ids
    city.bulk_plain(
        Phase,
        (
            Phase(workshop_id=pk, kind=kind, starts_at=start, ends_at=end)
            for pk, plan in zip(ids, plans, strict=True)
            for kind, start, end in default_phase_bounds(plan.starts_at, plan.ends_at)
        ),
        label="phases",
    )
    for name, attribute, column in [
        ("themes", "themes", "theme_id"),
        ("sponsors", "sponsors", "council_id"),
        ("facilitators", "facilitators", "user_id"),
    ]:
        through = getattr(Workshop, attribute).through
        city.bulk_plain(
            through,
            (
                through(workshop_id=pk, **{column: other})
                for pk, plan in zip(ids, plans, strict=True)
                for other in getattr(plan, name)
            ),
            label=f"workshops' {name}",
        )
    _participations(city, ids, plans)
    _history(city, ids, plans)


def _plan(city: GeneratedCity) -> list[Plan]:
    rng = city.rng("workshops")
    scale = city.scale
    neighbourhoods = dict(Neighbourhood.objects.values_list("pk", "name"))
    councils_by_place = city.facts.get("councils_by_neighbourhood", {})
    facilitators = city.facts["accounts_by_role"][Role.FACILITATOR]
    first = city.now - datetime.timedelta(days=365 * scale.years)
    last = city.now + datetime.timedelta(days=180)
    plans = []
    for number in range(scale.workshops):
        days = rng.randint(60, 180)
        starts_at = city.moment(rng, first, last).replace(minute=0, second=0, microsecond=0)
        ends_at = starts_at + days * DAY
        city_wide = rng.random() < 0.3
        place = None if city_wide else rng.choice(list(neighbourhoods))
        title = (
            f"{rng.choice(POLICIES)} {starts_at.year}"
            if city_wide
            else f"{rng.choice(SUBJECTS)} — {neighbourhoods[place]}"
        )
        plans.append(
            Plan(
                number=number,
                kind=Workshop.Kind.CITY if city_wide else Workshop.Kind.NEIGHBOURHOOD,
                title=title,
                neighbourhood=place,
                starts_at=starts_at,
                ends_at=ends_at,
                status=_status(rng, starts_at, ends_at, city.now),
                capacity=rng.randint(20, 80) if rng.random() < 0.4 else None,
                themes=rng.sample(city.ids["themes"], k=rng.randint(1, 2)),
                sponsors=(councils_by_place.get(place, [])[:1] if place else [])
                + (rng.sample(city.ids["councils"], k=1) if rng.random() < 0.2 else []),
                proposed_by=rng.choice(city.ids["councils"]) if rng.random() < 0.1 else None,
                facilitators=rng.sample(facilitators, k=min(len(facilitators), rng.randint(1, 2))),
            )
        )
    for plan in plans:
        plan.sponsors = sorted(set(plan.sponsors))
    _make_every_phase_run_today(city, plans)
    return plans


def _status(rng, starts_at, ends_at, now) -> str:
    if starts_at > now and rng.random() < 0.15:
        return Workshop.Status.DRAFT
    if ends_at < now - 180 * DAY and rng.random() < 0.4:
        return Workshop.Status.ARCHIVED
    return Workshop.Status.PUBLISHED


def _make_every_phase_run_today(city: GeneratedCity, plans: list[Plan]) -> None:
    """Place the first five published workshops so that each phase runs today, the largest
    one (a city workshop without a limit of places) in its debate phase."""
    published = [plan for plan in plans if plan.status == Workshop.Status.PUBLISHED][:5]
    for plan, kind in zip(published, PhaseKind, strict=False):
        days = (plan.ends_at - plan.starts_at).days
        bounds = default_phase_bounds(city.now, city.now + days * DAY)
        _kind, start, end = bounds[kind - 1]
        plan.starts_at = city.now - (start - city.now) - (end - start) / 2
        plan.starts_at = plan.starts_at.replace(minute=0, second=0, microsecond=0)
        plan.ends_at = plan.starts_at + days * DAY
    largest = published[PhaseKind.DEBATE - 1]
    largest.kind, largest.neighbourhood, largest.capacity = Workshop.Kind.CITY, None, None
    largest.title = f"Plan climat de la ville — grande consultation {city.now.year}"
    city.facts["largest_workshop_number"] = largest.number


def _choose_participants(city: GeneratedCity, plans: list[Plan]) -> None:
    """Spread the scale's participations over the workshops whose call has started."""
    rng = city.rng("participants")
    people = city.ids["accounts"]
    joinable = [
        plan
        for plan in plans
        if plan.status != Workshop.Status.DRAFT and plan.starts_at <= city.now
    ]
    largest = next(p for p in joinable if p.number == city.facts["largest_workshop_number"])
    largest.participants = rng.sample(people, k=min(len(people), city.scale.largest_workshop))
    left = max(0, city.scale.participations - len(largest.participants))
    others = [plan for plan in joinable if plan is not largest]
    weights = [rng.random() for _plan in others]
    total = sum(weights) or 1
    wanted = {}
    for plan, weight in zip(others, weights, strict=True):
        wanted[plan.number] = int(left * weight / total)
        if plan.capacity is not None:
            wanted[plan.number] = min(wanted[plan.number], plan.capacity)
    # What rounding down and the limits of places left goes to the workshops without a limit.
    unlimited = [plan for plan in others if plan.capacity is None]
    for index in range(max(0, left - sum(wanted.values()))):
        wanted[unlimited[index % len(unlimited)].number] += 1
    for plan in others:
        plan.participants = rng.sample(people, k=min(len(people), wanted[plan.number]))


def _participations(city: GeneratedCity, ids: list[int], plans: list[Plan]) -> None:
    rng = city.rng("participations")
    role_of = {}
    for role in (Role.ELECTED, Role.CITY_STAFF):
        for pk in city.facts["accounts_by_role"][role]:
            role_of[pk] = role
    council_of = city.facts.get("council_of_member", {})

    def rows():
        for pk, plan in zip(ids, plans, strict=True):
            communication = default_phase_bounds(plan.starts_at, plan.ends_at)[0]
            for person in plan.participants:
                capacity, association, council = Capacity.RESIDENT, "", None
                if person in role_of:
                    capacity = role_of[person]
                elif person in council_of and rng.random() < 0.5:
                    capacity, council = Capacity.COUNCIL_MEMBER, council_of[person]
                elif rng.random() < 0.1:
                    capacity, association = Capacity.ASSOCIATION, rng.choice(ASSOCIATIONS)
                elif rng.random() < 0.03:
                    capacity = Capacity.EXPERT
                yield Participation(
                    workshop_id=pk,
                    user_id=person,
                    capacity=capacity,
                    association_name=association,
                    council_id=council,
                    joined_at=min(city.now, city.moment(rng, communication[1], communication[2])),
                )

    joined = []

    def recorded(participations):
        for participation in participations:
            joined.append(participation)
            yield participation

    city.bulk_plain(Participation, recorded(rows()), label="participations")
    workshop_type = ContentType.objects.get_for_model(Workshop)
    titles = {pk: plan.title for pk, plan in zip(ids, plans, strict=True)}
    city.bulk_plain(
        Action,
        (
            Action(
                actor_id=participation.user_id,
                verb="workshop.joined",
                target_type=workshop_type,
                target_id=participation.workshop_id,
                target_label=titles[participation.workshop_id],
                data={"capacity": participation.capacity},
                created_at=participation.joined_at,
            )
            for participation in joined
        ),
        label="activity log: participations",
    )


def _history(city: GeneratedCity, ids: list[int], plans: list[Plan]) -> None:
    """What the activity log would hold: each workshop created, published, archived."""
    workshop_type = ContentType.objects.get_for_model(Workshop)

    def actions():
        for pk, plan in zip(ids, plans, strict=True):
            created = plan.starts_at - 21 * DAY
            common = {"target_type": workshop_type, "target_id": pk, "target_label": plan.title}
            yield Action(
                actor_id=plan.facilitators[0], verb="workshop.created", created_at=created, **common
            )
            if plan.status != Workshop.Status.DRAFT:
                yield Action(
                    actor_id=plan.facilitators[0],
                    verb="workshop.published",
                    public=True,
                    created_at=plan.starts_at,
                    **common,
                )
            if plan.status == Workshop.Status.ARCHIVED:
                yield Action(
                    actor_id=plan.facilitators[0],
                    verb="workshop.archived",
                    public=True,
                    created_at=plan.ends_at + 30 * DAY,
                    **common,
                )

    city.bulk_plain(Action, actions(), label="activity log")
