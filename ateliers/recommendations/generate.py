"""The generated city's recommendations (see core/generated_city.py): drafted by the
participants of every workshop whose recommendations phase has begun, with one to three
authors, one to three versions, and supports from the workshop's participants (one each).
The largest workshop drafts `largest_workshop_recommendations` of them. Amendments from the
participants, about two per recommendation, the accepted ones each making a version. Counts
as the services keep them."""

import random
from collections import defaultdict

from django.utils import timezone

from ateliers.core.generated_city import GeneratedCity
from ateliers.workshops.models import Participation, Phase, Workshop
from ateliers.workshops.phases import PhaseKind

from .models import (
    Amendment,
    AmendmentStatus,
    Recommendation,
    RecommendationAuthor,
    RecommendationVersion,
    Support,
)

THEMES = ["la circulation", "les arbres", "l'éclairage", "les bancs", "les horaires", "la propreté"]


def generate(city: GeneratedCity) -> None:
    rng = city.rng("recommendations")
    scale = city.scale
    started = set(
        Phase.objects.filter(
            kind=PhaseKind.RECOMMENDATIONS,
            starts_at__lt=city.now,
            workshop__status__in=[Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED],
        ).values_list("workshop_id", flat=True)
    )
    people = defaultdict(list)
    for workshop_id, user_id in (
        Participation.objects.filter(workshop_id__in=started)
        .order_by("workshop_id", "pk")
        .values_list("workshop_id", "user_id")
    ):
        people[workshop_id].append(user_id)
    workshops = sorted(people)
    if not workshops:
        return
    largest = max(workshops, key=lambda workshop: (len(people[workshop]), -workshop))
    owners = [largest] * min(scale.largest_workshop_recommendations, scale.recommendations)
    others = [w for w in workshops if w != largest] or [largest]
    owners += [rng.choice(others) for _ in range(scale.recommendations - len(owners))]
    drafts = [
        _draft(rng, workshop, people[workshop], number)
        for number, workshop in enumerate(owners, start=1)
    ]
    # Amendments: planned before the recommendations, whose versions the accepted ones make.
    planned = [_plan_amendments(rng, draft, people[draft.workshop_id]) for draft, _a in drafts]
    ids = city.bulk(Recommendation, (draft for draft, _authors in drafts), label="recommendations")
    city.bulk_plain(
        RecommendationAuthor,
        (
            RecommendationAuthor(recommendation_id=pk, user_id=author)
            for pk, (_draft_row, authors) in zip(ids, drafts, strict=True)
            for author in authors
        ),
        label="recommendation authors",
    )
    city.bulk_plain(
        RecommendationVersion,
        (
            RecommendationVersion(
                recommendation_id=pk,
                number=number,
                title=draft.title,
                text=_version_text(draft, number, plan),
                general_interest=draft.general_interest,
                cost_note=draft.cost_note,
                edited_by_id=_version_author(authors, number, plan),
            )
            for pk, (draft, authors), plan in zip(ids, drafts, planned, strict=True)
            for number in range(1, draft.version + 1)
        ),
        label="recommendation versions",
    )
    city.bulk_plain(
        Amendment,
        (
            Amendment(recommendation_id=pk, **fields)
            for pk, plan in zip(ids, planned, strict=True)
            for fields in plan
        ),
        label="amendments",
    )
    _supports(city, rng, ids, drafts, people)
    _adoptions(city, rng, ids, drafts, people)


# Amendments: AMENDMENTS_PER_RECOMMENDATION on average at every scale (2 × 10,000 at `city`),
# of which ACCEPTED become versions, REJECTED are answered (a third of those put to the
# adoption), the rest wait for an answer.
AMENDMENTS_PER_RECOMMENDATION = 2
ACCEPTED, REJECTED = 0.4, 0.3


def _plan_amendments(rng: random.Random, draft: Recommendation, participants: list[int]):
    """The amendments of `draft` as field dicts; the accepted ones come first and make its
    last versions, so `draft.version` grows by their number (before it is inserted)."""
    edits = draft.version
    count = rng.randint(0, 2 * AMENDMENTS_PER_RECOMMENDATION)
    kinds = sorted(
        (
            "accepted"
            if (roll := rng.random()) < ACCEPTED
            else "rejected"
            if roll < ACCEPTED + REJECTED
            else "pending"
            for _ in range(count)
        ),
        key=lambda kind: kind != "accepted",
    )
    accepted = kinds.count("accepted")
    draft.version = edits + accepted
    plan = []
    for index, kind in enumerate(kinds, start=1):
        fields = {
            "author_id": rng.choice(participants),
            "reason": "Pour que la mesure profite aussi aux quartiers voisins.",
        }
        if kind == "accepted":
            made = edits + index
            fields.update(
                base_version=made - 1,
                text=draft.text
                if made == draft.version
                else f"Amendement n° {index}. {draft.text}",
                status=AmendmentStatus.ACCEPTED,
                made_version=made,
                answered_by_id=draft.created_by_id,
                answered_at=timezone.now(),
            )
        else:
            fields.update(
                base_version=draft.version,
                text=f"{draft.text} Et dans les quartiers voisins.",
                status=AmendmentStatus.PENDING,
            )
            if kind == "rejected":
                fields.update(
                    status=AmendmentStatus.REJECTED,
                    answer="Ce serait une autre préconisation : proposez-la à part.",
                    answered_by_id=draft.created_by_id,
                    answered_at=timezone.now(),
                    put_to_vote=rng.random() < 1 / 3,
                )
        plan.append(fields)
    return plan


def _accepted_making(number: int, plan: list[dict]) -> dict | None:
    return next((fields for fields in plan if fields.get("made_version") == number), None)


def _version_text(draft: Recommendation, number: int, plan: list[dict]) -> str:
    made_by = _accepted_making(number, plan)
    if made_by is not None:
        return made_by["text"]
    if number == draft.version:
        return draft.text
    return f"Première rédaction. {draft.text}"


def _version_author(authors: list[int], number: int, plan: list[dict]) -> int:
    made_by = _accepted_making(number, plan)
    return made_by["author_id"] if made_by is not None else authors[(number - 1) % len(authors)]


def _draft(rng: random.Random, workshop: int, participants: list[int], number: int):
    authors = rng.sample(participants, min(len(participants), rng.choice([1, 1, 2, 3])))
    theme = rng.choice(THEMES)
    draft = Recommendation(
        workshop_id=workshop,
        title=f"Préconisation n° {number} sur {theme}",
        text=f"Nous demandons à la ville d'agir sur {theme}, dans un délai d'un an.",
        general_interest="Un quartier plus agréable pour tous ses habitants, âgés ou jeunes.",
        cost_note="Environ 20 000 €." if rng.random() < 0.5 else "",
        created_by_id=authors[0],
        version=rng.choice([1, 1, 2, 3]),
    )
    return draft, authors


def _supports(city, rng, ids, drafts, people) -> None:
    """`recommendation_supports` supports, each from a participant of the workshop, at most
    one per person and recommendation."""
    wanted = [0] * len(ids)
    for _ in range(city.scale.recommendation_supports):
        wanted[rng.randrange(len(ids))] += 1
    counts = []

    def rows():
        for pk, (draft, _authors), count in zip(ids, drafts, wanted, strict=True):
            chosen = rng.sample(
                people[draft.workshop_id], min(count, len(people[draft.workshop_id]))
            )
            counts.append(Recommendation(pk=pk, support_count=len(chosen)))
            for person in chosen:
                yield Support(recommendation_id=pk, user_id=person)

    city.bulk_plain(Support, rows(), label="recommendation supports")
    Recommendation.objects.bulk_update(counts, ["support_count"], batch_size=2_000)


# --- The adoption (adoption.py): in every workshop past its recommendations phase, the
# adoption is open and each recommendation decided, a third by an online vote whose ballots
# (a few hundred at the city's scale) agree with its tallies.
BALLOTS_PER_ONLINE_VOTE = {"city": 300}


def _adoptions(city, rng, ids, drafts, people) -> None:
    from datetime import timedelta

    from .models import Adoption, AdoptionOpening, Ballot

    presented = set(
        Phase.objects.filter(
            kind=PhaseKind.PRESENTATION,
            starts_at__lt=city.now,
            workshop_id__in={draft.workshop_id for draft, _authors in drafts},
        ).values_list("workshop_id", flat=True)
    )
    if not presented:
        return
    city.bulk_plain(
        AdoptionOpening,
        (AdoptionOpening(workshop_id=workshop) for workshop in sorted(presented)),
        label="adoption openings",
    )
    most = BALLOTS_PER_ONLINE_VOTE.get(city.scale.name, 30)
    decided, statuses, voters = [], [], []
    methods = list(Adoption.Method.values)
    for pk, (draft, _authors) in zip(ids, drafts, strict=True):
        if draft.workshop_id not in presented:
            continue
        method = methods[pk % len(methods)]
        row = Adoption(recommendation_id=pk, method=method, decided_at=city.now)
        chosen: list[int] = []
        if method == Adoption.Method.CONSENSUS:
            row.result = rng.choice([Adoption.Result.ADOPTED] * 3 + [Adoption.Result.NOT_ADOPTED])
        else:
            if method == Adoption.Method.ONLINE_VOTE:
                participants = people[draft.workshop_id]
                chosen = rng.sample(participants, min(len(participants), most))
                total = len(chosen)
                row.vote_opens_at = city.now - timedelta(days=20)
                row.vote_closes_at = city.now - timedelta(days=10)
            else:
                total = rng.randint(8, 40)
            row.votes_for = rng.randint(0, total)
            row.votes_against = rng.randint(0, total - row.votes_for)
            row.abstentions = total - row.votes_for - row.votes_against
            row.result = (
                Adoption.Result.ADOPTED
                if row.votes_for > row.votes_against
                else Adoption.Result.NOT_ADOPTED
            )
        decided.append(row)
        voters.append(chosen)
        statuses.append(
            Recommendation(
                pk=pk,
                status=Recommendation.Status.ADOPTED
                if row.result == Adoption.Result.ADOPTED
                else Recommendation.Status.NOT_ADOPTED,
            )
        )
    adoption_ids = city.bulk(Adoption, decided, label="adoptions")
    city.bulk_plain(
        Ballot,
        (
            Ballot(adoption_id=adoption_id, user_id=user)
            for adoption_id, chosen in zip(adoption_ids, voters, strict=True)
            for user in chosen
        ),
        label="adoption ballots",
    )
    Recommendation.objects.bulk_update(statuses, ["status"], batch_size=2_000)
