"""A city at the size of a real one, for measuring (see ateliers/demo, `generate_city`).

Each app's `generate.py` has a `generate(city)` that bulk-inserts its rows, consistent with
what its services would have made (counts that match their rows, one president at a time,
phases in order), and files their ids here for the apps generated after it. Everything is
drawn from random generators seeded by `--seed`, so the same seed gives the same city.
"""

import datetime
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from django.db import models
from django.utils import timezone


@dataclass(frozen=True)
class Scale:
    name: str
    accounts: int
    neighbourhoods: int
    priority_neighbourhoods: int
    themes: int
    councils: int
    mandates: int
    workshops: int
    participations: int
    # The participants of the largest workshop (a city-wide one with no limit of places).
    largest_workshop: int
    proposals: int
    # How far back the workshops go.
    years: int
    # Documents of workshops and councils (the information phase), a third with two versions.
    documents: int
    # The training catalogue, its sessions over the years, and the registrations for them.
    trainings: int
    training_sessions: int
    training_registrations: int
    # Meetings of workshops and councils, and the registrations of those that take them.
    meetings: int
    meeting_registrations: int
    # The debate: topics, contributions with their replies, and the contributions of the
    # largest topic (one of the largest workshop's).
    debate_topics: int
    debate_contributions: int
    largest_topic: int
    # Opinion maps: conversations (one per debating workshop at most), the largest one's
    # voters, statements and votes, and the votes of all the others together.
    conversations: int
    largest_conversation_voters: int
    largest_conversation_statements: int
    largest_conversation_votes: int
    conversation_votes: int
    # Recommendations drafted in the workshops whose fourth phase has begun, the largest
    # workshop's share of them, and their supports.
    recommendations: int
    largest_workshop_recommendations: int
    recommendation_supports: int


SCALES = {
    "small": Scale(
        name="small",
        accounts=2_000,
        neighbourhoods=8,
        priority_neighbourhoods=2,
        themes=6,
        councils=12,
        mandates=120,
        workshops=60,
        participations=1_200,
        largest_workshop=200,
        proposals=20,
        years=2,
        documents=400,
        trainings=12,
        training_sessions=60,
        training_registrations=600,
        meetings=300,
        meeting_registrations=600,
        debate_topics=150,
        debate_contributions=3_000,
        largest_topic=500,
        conversations=30,
        largest_conversation_voters=300,
        largest_conversation_statements=60,
        largest_conversation_votes=6_000,
        conversation_votes=6_000,
        recommendations=300,
        largest_workshop_recommendations=50,
        recommendation_supports=3_000,
    ),
    "city": Scale(
        name="city",
        accounts=500_000,
        neighbourhoods=40,
        priority_neighbourhoods=8,
        themes=12,
        councils=100,
        mandates=2_000,
        workshops=2_000,
        participations=60_000,
        largest_workshop=5_000,
        proposals=300,
        years=4,
        documents=12_000,
        trainings=120,
        training_sessions=1_500,
        training_registrations=30_000,
        meetings=9_000,
        meeting_registrations=20_000,
        debate_topics=8_000,
        debate_contributions=240_000,
        largest_topic=5_000,
        conversations=1_200,
        largest_conversation_voters=10_000,
        largest_conversation_statements=1_000,
        largest_conversation_votes=2_000_000,
        conversation_votes=300_000,
        recommendations=10_000,
        largest_workshop_recommendations=50,
        recommendation_supports=150_000,
    ),
    "metropolis": Scale(
        name="metropolis",
        accounts=2_000_000,
        neighbourhoods=120,
        priority_neighbourhoods=25,
        themes=16,
        councils=400,
        mandates=10_000,
        workshops=10_000,
        participations=400_000,
        largest_workshop=20_000,
        proposals=1_500,
        years=6,
        documents=60_000,
        trainings=400,
        training_sessions=6_000,
        training_registrations=150_000,
        meetings=45_000,
        meeting_registrations=100_000,
        debate_topics=40_000,
        debate_contributions=1_200_000,
        largest_topic=20_000,
        conversations=6_000,
        largest_conversation_voters=20_000,
        largest_conversation_statements=2_000,
        largest_conversation_votes=5_000_000,
        conversation_votes=1_500_000,
        recommendations=50_000,
        largest_workshop_recommendations=50,
        recommendation_supports=800_000,
    ),
}

BATCH_SIZE = 5_000


class GeneratedCity:
    def __init__(self, *, scale: Scale, seed: int, report: Callable[[str], None], now=None):
        self.scale = scale
        self.seed = seed
        self.now = now or timezone.now().replace(minute=0, second=0, microsecond=0)
        self.today = timezone.localdate(self.now)
        self.report = report
        self.started = time.monotonic()
        # Primary keys of what was made, by kind ("accounts", "workshops"…).
        self.ids: dict[str, list[int]] = {}
        # Facts the next apps need, by name (e.g. which accounts are facilitators).
        self.facts: dict[str, object] = {}

    def rng(self, part: str) -> random.Random:
        """A generator of its own for each part, so adding a part changes no other."""
        return random.Random(f"{self.seed}:{part}")

    def moment(self, rng: random.Random, start: datetime.datetime, end: datetime.datetime):
        return start + (end - start) * rng.random()

    def bulk(self, model: type[models.Model], rows: Iterable, *, label: str) -> list[int]:
        """Insert `rows` (model instances) in batches, showing progress; their new ids."""
        ids: list[int] = []
        batch: list = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH_SIZE:
                ids += [obj.pk for obj in model.objects.bulk_create(batch)]
                batch = []
                self.say(f"{label}: {len(ids):,}")
        if batch:
            ids += [obj.pk for obj in model.objects.bulk_create(batch)]
        self.say(f"{label}: {len(ids):,} done")
        return ids

    def bulk_plain(self, model: type[models.Model], rows: Iterable, *, label: str) -> int:
        """Insert rows whose ids nobody needs (join tables), in batches."""
        count, batch = 0, []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH_SIZE:
                model.objects.bulk_create(batch)
                count += len(batch)
                batch = []
        if batch:
            model.objects.bulk_create(batch)
            count += len(batch)
        self.say(f"{label}: {count:,} done")
        return count

    def say(self, message: str) -> None:
        self.report(f"[{time.monotonic() - self.started:6.1f} s] {message}")


def scale_table() -> str:
    """The scales side by side, for the command's help."""
    names = [field.name for field in fields(Scale) if field.name != "name"]
    return "; ".join(
        f"{scale.name}: " + ", ".join(f"{getattr(scale, n):,} {n}" for n in names[:3])
        for scale in SCALES.values()
    )
