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


SCALES = {
    "small": Scale("small", 2_000, 8, 2, 6, 12, 120, 60, 1_200, 200, 20, 2, 400, 12, 60, 600),
    "city": Scale(
        "city",
        500_000,
        40,
        8,
        12,
        100,
        2_000,
        2_000,
        60_000,
        5_000,
        300,
        4,
        12_000,
        120,
        1_500,
        30_000,
    ),
    "metropolis": Scale(
        "metropolis",
        2_000_000,
        120,
        25,
        16,
        400,
        10_000,
        10_000,
        400_000,
        20_000,
        1_500,
        6,
        60_000,
        400,
        6_000,
        150_000,
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
