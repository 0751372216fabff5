"""The generated city's recommendations (see core/generated_city.py): drafted by the
participants of every workshop whose recommendations phase has begun, with one to three
authors, one to three versions, and supports from the workshop's participants (one each).
The largest workshop drafts `largest_workshop_recommendations` of them. Counts as the
services keep them."""

import random
from collections import defaultdict

from ateliers.core.generated_city import GeneratedCity
from ateliers.workshops.models import Participation, Phase, Workshop
from ateliers.workshops.phases import PhaseKind

from .models import Recommendation, RecommendationAuthor, RecommendationVersion, Support

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
                text=draft.text if number == draft.version else f"Première rédaction. {draft.text}",
                general_interest=draft.general_interest,
                edited_by_id=authors[(number - 1) % len(authors)],
            )
            for pk, (draft, authors) in zip(ids, drafts, strict=True)
            for number in range(1, draft.version + 1)
        ),
        label="recommendation versions",
    )
    _supports(city, rng, ids, drafts, people)
    _adoptions(city, rng, ids, drafts, people)


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
