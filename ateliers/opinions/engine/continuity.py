"""What a live opinion map carries from one computation to the next.

Computed from scratch after every few votes, a map would flicker: the best number of groups
can swing between two values from one vote to the next, and a participant who was just
clustered could drop out again when a statement they voted on is moderated out. Like Polis,
the live map keeps two things from its previous computation:

- the **number of groups** changes only when another number has had the best silhouette in
  GROUP_COUNT_BUFFER computations in a row (the first computation that finds groups shows
  them at once);
- the **participants ever clustered** stay clustered, whatever their count of votes now.

MapState is that memory; `analyse(..., previous=state)` uses it and returns the next one.
Plain data (lists of ints), so that the caller can store it as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# A new number of groups must win this many computations in a row to be shown (Polis: 4).
GROUP_COUNT_BUFFER = 4


@dataclass(frozen=True)
class MapState:
    # The best number of groups of the last computations, oldest first (at most the buffer).
    best_k_history: list[int] = field(default_factory=list)
    # The number of groups shown by the last computation (0: none yet).
    n_groups: int = 0
    # Participant ids clustered by any computation so far.
    clustered: list[int] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "best_k_history": list(self.best_k_history),
            "n_groups": self.n_groups,
            "clustered": list(self.clustered),
        }

    @classmethod
    def from_json(cls, data: dict | None) -> MapState | None:
        if not data:
            return None
        return cls(
            best_k_history=[int(k) for k in data.get("best_k_history", [])],
            n_groups=int(data.get("n_groups", 0)),
            clustered=[int(i) for i in data.get("clustered", [])],
        )


def next_group_count(previous: MapState | None, best_k: int, possible) -> tuple[int, list[int]]:
    """The number of groups to show now, and the updated history of best counts.

    best_k: the best count of this computation (0 when no grouping is possible);
    possible: the counts this computation tried and could show."""
    history = ([] if previous is None else list(previous.best_k_history)) + [best_k]
    history = history[-GROUP_COUNT_BUFFER:]
    shown = 0 if previous is None else previous.n_groups
    if shown == 0 or shown not in possible:
        # Nothing shown yet, or the shown count can no longer be made: take the best.
        return best_k, history
    if len(history) == GROUP_COUNT_BUFFER and len(set(history)) == 1 and history[0] != shown:
        return history[0], history
    return shown, history


def kept_clustered(previous: MapState | None, participant_ids: np.ndarray) -> np.ndarray:
    """participant -> was clustered by an earlier computation."""
    if previous is None or not previous.clustered:
        return np.zeros(participant_ids.size, dtype=bool)
    return np.isin(participant_ids, np.asarray(previous.clustered, dtype=np.int64))


def adjusted_rand_index(a, b) -> float:
    """Agreement of two partitions of the same items, 1 for identical ones, about 0 for
    unrelated ones (Hubert and Arabie's adjusted Rand index)."""
    a, b = np.asarray(a), np.asarray(b)
    if a.size != b.size:
        raise ValueError("the two partitions must label the same items")
    n = a.size
    if n < 2:
        return 1.0
    _, a_codes = np.unique(a, return_inverse=True)
    _, b_codes = np.unique(b, return_inverse=True)
    table = np.zeros((a_codes.max() + 1, b_codes.max() + 1), dtype=np.int64)
    np.add.at(table, (a_codes, b_codes), 1)

    def pairs(x):
        return float((x * (x - 1) // 2).sum())

    index = pairs(table)
    rows, cols = pairs(table.sum(1)), pairs(table.sum(0))
    expected = rows * cols / (n * (n - 1) / 2)
    best = (rows + cols) / 2
    if best == expected:
        return 1.0
    return (index - expected) / (best - expected)
