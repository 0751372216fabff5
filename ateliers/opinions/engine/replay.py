"""Replay a conversation's votes in time order, as the live map would have computed it.

The live map recomputes after batches of votes, each computation starting from the state
of the previous one (continuity.py). Replaying a real conversation's history through the
same `analyse(..., previous=...)` shows what that continuity changes compared with one
computation from scratch over all the votes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .analysis import Analysis, analyse
from .continuity import MapState, adjusted_rand_index

# How many computations a replay makes by default: enough to show the group count settle,
# few enough for a test to replay three real conversations in seconds.
DEFAULT_COMPUTATIONS = 40


@dataclass
class Replay:
    result: Analysis  # the last computation of the replay
    from_scratch: Analysis  # one computation over all the votes
    computations: int
    every: int  # votes per computation
    group_counts: list = field(default_factory=list)  # shown after each computation
    best_counts: list = field(default_factory=list)  # best by silhouette, each computation

    def changes(self) -> dict:
        """What replaying changed compared with the computation from scratch."""
        live, scratch = self.result, self.from_scratch
        live_group = dict(
            zip(live.participant_ids.tolist(), live.participant_group.tolist(), strict=True)
        )
        scratch_group = dict(
            zip(scratch.participant_ids.tolist(), scratch.participant_group.tolist(), strict=True)
        )
        both = [p for p, g in live_group.items() if g >= 0 and scratch_group.get(p, -1) >= 0]
        only_live = sum(1 for p, g in live_group.items() if g >= 0 and scratch_group.get(p, -1) < 0)
        only_scratch = sum(
            1 for p, g in scratch_group.items() if g >= 0 and live_group.get(p, -1) < 0
        )
        transitions = []
        for index, count in enumerate(self.group_counts):
            if index == 0 or count != self.group_counts[index - 1]:
                transitions.append({"computation": index + 1, "n_groups": count})
        return {
            "computations": self.computations,
            "votes_per_computation": self.every,
            "n_groups": len(live.groups),
            "n_groups_from_scratch": len(scratch.groups),
            "best_k_last": live.best_k,
            "group_count_changes": transitions,
            # how often the best count changed from one computation to the next: what the
            # map would have shown without the buffer
            "best_count_changes": sum(
                1 for a, b in zip(self.best_counts, self.best_counts[1:], strict=False) if a != b
            ),
            "n_participants_clustered": int(live.clustered.sum()),
            "n_participants_clustered_from_scratch": int(scratch.clustered.sum()),
            "clustered_only_in_replay": only_live,
            "clustered_only_from_scratch": only_scratch,
            "ari_with_from_scratch": (
                adjusted_rand_index([live_group[p] for p in both], [scratch_group[p] for p in both])
                if both
                else None
            ),
        }


def replay(
    participant,
    statement,
    vote,
    time,
    *,
    moderated_out=(),
    every: int | None = None,
    computations: int = DEFAULT_COMPUTATIONS,
    from_scratch: Analysis | None = None,
) -> Replay:
    """Compute the map after every `every` votes in time order (by default, so as to make
    `computations` computations), each from the previous one's state. `from_scratch`: the
    computation over all the votes to compare with (made here when not given)."""
    participant = np.asarray(participant, dtype=np.int64)
    statement = np.asarray(statement, dtype=np.int64)
    vote = np.asarray(vote)
    time = np.asarray(time if time is not None else np.arange(vote.size), dtype=np.int64)
    order = np.argsort(time, kind="stable")
    participant, statement, vote, time = (a[order] for a in (participant, statement, vote, time))
    n = vote.size
    if every is None:
        every = max(1, -(-n // max(1, computations)))
    ends = list(range(every, n, every)) + [n]
    state: MapState | None = None
    counts, best = [], []
    result = None
    for end in ends:
        voted = np.unique(statement[:end])
        out = np.intersect1d(voted, np.asarray(list(moderated_out), dtype=np.int64))
        result = analyse(
            participant[:end],
            statement[:end],
            vote[:end],
            time[:end],
            statement_ids=voted,
            moderated_out=out.tolist(),
            previous=state,
        )
        state = result.state
        counts.append(len(result.groups))
        best.append(result.best_k)
    if from_scratch is None:
        from_scratch = analyse(
            participant,
            statement,
            vote,
            time,
            statement_ids=np.unique(statement),
            moderated_out=moderated_out,
        )
    assert result is not None
    return Replay(result, from_scratch, len(ends), every, counts, best)
