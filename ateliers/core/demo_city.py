"""What the apps' demo builders share while they build the demo city (see ateliers/demo).

Each app's `demo.py` has a `build(city)` that makes its part through its own services and
files what it made here, by kind and key ("people", "amina"), for the apps built after it.
"""

import datetime
from collections import defaultdict

from django.utils import timezone


class DemoCity:
    def __init__(self, *, now: datetime.datetime):
        self.now = now
        self.today = timezone.localdate(now)
        self._made: dict[str, dict[str, object]] = defaultdict(dict)
        # The accounts whose logins the command prints, in order.
        self.logins: list = []

    def add(self, kind: str, key: str, obj):
        self._made[kind][key] = obj
        return obj

    def get(self, kind: str, key: str | None):
        """The object filed under `key`, or None for a None key."""
        return None if key is None else self._made[kind][key]

    def all(self, kind: str) -> dict[str, object]:
        return dict(self._made[kind])

    def counts(self) -> dict[str, int]:
        return {kind: len(objects) for kind, objects in self._made.items()}
