"""The whole pipeline: votes in, opinion map out."""

from __future__ import annotations

import time as _time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from . import repness
from .clustering import Clusters, opinion_groups
from .continuity import MapState, kept_clustered, next_group_count
from .matrix import VoteMatrix, build_vote_matrix
from .pca import Projection, project

MIN_VOTES_TO_CLUSTER = 7


@dataclass
class Analysis:
    participant_ids: np.ndarray  # row -> participant id
    statement_ids: np.ndarray  # column -> statement id (every known statement)
    active: np.ndarray  # statement -> not moderated out
    n_votes: int  # votes counted (last vote per participant and statement, active statements)
    n_votes_raw: int
    clustered: np.ndarray  # participant -> clustered?
    participant_group: np.ndarray  # participant -> group, -1 when not clustered
    participant_xy: np.ndarray  # (n_participants, 2) position on the opinion map
    statement_xy: np.ndarray  # (n_statements, 2), zeros for moderated-out statements
    groups: list  # [{"id", "size", "representative": [...]}]
    consensus_agree: list  # statement ids
    consensus_disagree: list
    group_informed_consensus: np.ndarray  # statement -> number, nan if moderated out
    priority: np.ndarray  # statement -> number, 0 if moderated out
    silhouettes: dict
    # (agree, disagree, seen), each (n_groups, n_active_statements): every group's votes
    group_votes: tuple = ()
    best_k: int = 0  # the number of groups with the best silhouette in this computation
    state: MapState = field(default_factory=MapState)  # what the next computation keeps
    timings: dict = field(default_factory=dict)

    @property
    def active_statement_ids(self) -> np.ndarray:
        return self.statement_ids[self.active]

    def to_json(self) -> dict:
        ids = [str(int(i)) for i in self.statement_ids]
        active_ids = [i for i, a in zip(ids, self.active, strict=True) if a]
        gic = self.group_informed_consensus[self.active]
        return {
            "n_participants": int(self.participant_ids.size),
            "n_participants_clustered": int(self.clustered.sum()),
            "n_statements": int(self.active.sum()),
            "n_statements_moderated_out": int((~self.active).sum()),
            "n_votes": int(self.n_votes),
            "participant_group": {
                str(int(p)): (int(g) if g >= 0 else None)
                for p, g in zip(self.participant_ids, self.participant_group, strict=True)
            },
            "groups": self.groups,
            "consensus": {"agree": self.consensus_agree, "disagree": self.consensus_disagree},
            "group_informed_consensus": {i: float(v) for i, v in zip(active_ids, gic, strict=True)},
            "priority": {
                i: float(v) for i, v in zip(active_ids, self.priority[self.active], strict=True)
            },
            "silhouette": {str(k): v for k, v in self.silhouettes.items()},
        }


class _Clock:
    def __init__(self):
        self.timings = {}
        self._last = _time.perf_counter()

    def lap(self, name):
        now = _time.perf_counter()
        self.timings[name] = now - self._last
        self._last = now


def _vote_counts(votes: sp.csr_array, participant_group: np.ndarray, n_groups: int):
    """(agree, disagree, passes), each (n_groups + 1, n_statements): one row per group,
    and a last row for everyone.

    One sparse product with the group-membership matrix: each vote is encoded as the
    number 1 + B (agree) or 1 + B**2 (disagree) or 1 (pass), with B above any count, so
    that a single sum holds the three counts as digits in base B (exact in float64).
    """
    n_participants = votes.shape[0]
    base = float(n_participants + 1)
    if base**3 >= 2.0**53:  # beyond about 200,000 participants: three sums
        return _vote_counts_separately(votes, participant_group, n_groups)
    member = np.zeros((n_participants, n_groups + 1))
    grouped = np.flatnonzero(participant_group >= 0)
    member[grouped, participant_group[grouped]] = 1.0
    member[:, n_groups] = 1.0
    if n_groups == 0:
        member = member[:, 0]  # everyone only: a plain matrix-vector product
    code = np.array([1.0 + base * base, 1.0, 1.0 + base])  # disagree, pass, agree
    encoded = code[(votes.data + 1).view(np.uint8)]  # small index type: no big temporary
    matrix = sp.csr_array((encoded, votes.indices, votes.indptr), shape=votes.shape)
    total = np.rint(matrix.T @ member).T.astype(np.int64).reshape(n_groups + 1, -1)
    seen = total % int(base)
    agree = (total // int(base)) % int(base)
    disagree = total // int(base * base)
    return agree, disagree, seen - agree - disagree


def _vote_counts_separately(votes, participant_group, n_groups):
    member = np.zeros((votes.shape[0], n_groups + 1))
    grouped = np.flatnonzero(participant_group >= 0)
    member[grouped, participant_group[grouped]] = 1.0
    member[:, n_groups] = 1.0

    def totals(data):
        matrix = sp.csr_array((data, votes.indices, votes.indptr), shape=votes.shape)
        return np.rint(matrix.T @ member).astype(np.int64).T

    agree = totals((votes.data == 1).astype(np.float64))
    disagree = totals((votes.data == -1).astype(np.float64))
    passes = totals((votes.data == 0).astype(np.float64))
    return agree, disagree, passes


def analyse(
    participant,
    statement,
    vote,
    time=None,
    statement_ids=None,
    moderated_out=(),
    participant_ids=None,
    previous: MapState | None = None,
) -> Analysis:
    """Opinion map of a conversation.

    participant, statement, vote, time: one entry per vote (ids are non-negative integers,
    vote in {-1, 0, +1}: disagree, pass, agree). statement_ids: every statement of the
    conversation (votes on others are ignored); defaults to the statements voted on.
    moderated_out: statement ids left out of the analysis. previous: the state returned by
    the previous computation of a live map (continuity.py); None computes from scratch.
    """
    clock = _Clock()
    matrix: VoteMatrix = build_vote_matrix(
        participant, statement, vote, time, statement_ids, participant_ids
    )
    clock.lap("matrix")
    out_ids = np.asarray(list(moderated_out), dtype=np.int64)
    active = ~np.isin(matrix.statement_ids, out_ids)
    n_all = active.size
    # Who is clustered counts votes on every statement, moderated out or not, as Polis does.
    n_voted_all = np.diff(matrix.votes.indptr)
    clustered = (n_voted_all >= min(MIN_VOTES_TO_CLUSTER, n_all)) & (n_voted_all > 0)
    # On a live map, whoever was clustered once stays clustered (continuity.py).
    clustered |= kept_clustered(previous, matrix.participant_ids) & (n_voted_all > 0)
    votes = matrix.votes[:, np.flatnonzero(active)] if not active.all() else matrix.votes
    n_participants, n_active = votes.shape
    if n_active == 0:
        clustered[:] = False
    rows = np.flatnonzero(clustered)
    clock.lap("select")

    # Like Polis, the components come from everyone's votes; only the clustered are grouped.
    everyone = _vote_counts(votes, np.full(n_participants, -1), 0)
    agree_all, disagree_all, pass_all = (counts[0] for counts in everyone)
    seen_all = agree_all + disagree_all + pass_all
    center = np.divide(
        agree_all - disagree_all, seen_all, out=np.zeros(n_active), where=seen_all > 0
    )
    projection: Projection = project(votes, n_moderated_out=n_all - n_active, center=center)
    participant_xy = projection.participants
    statement_xy = np.zeros((active.size, 2))
    statement_xy[active] = projection.statements
    clock.lap("pca")

    clusters: Clusters = opinion_groups(participant_xy[rows])
    best_k = clusters.best_k
    shown_k = best_k
    history = [best_k]
    if previous is not None:
        shown_k, history = next_group_count(previous, best_k, set(clusters.by_k))
        if shown_k != best_k:
            clusters = clusters.with_k(shown_k)
    participant_group = np.full(n_participants, -1, dtype=np.int64)
    participant_group[rows] = clusters.group_of
    n_groups = int(clusters.group_of_base.max(initial=-1)) + 1
    clock.lap("clustering")

    agree, disagree, passes = _vote_counts(votes, participant_group, n_groups)
    agree_g, disagree_g, pass_g = agree[:n_groups], disagree[:n_groups], passes[:n_groups]
    seen_g = agree_g + disagree_g + pass_g
    active_ids = matrix.statement_ids[active]

    groups = []
    a_in, d_in, s_in = agree_g.sum(0), disagree_g.sum(0), seen_g.sum(0)
    for g in range(n_groups):
        stats = repness.representativeness(agree_g[g], disagree_g[g], seen_g[g], a_in, d_in, s_in)
        chosen = repness.select_representative(stats, seen_g[g])
        groups.append(
            {
                "id": g,
                "size": int((participant_group == g).sum()),
                "representative": [
                    _describe(stats, direction, i, active_ids, agree_g[g], disagree_g[g], seen_g[g])
                    for i, direction in chosen
                ],
            }
        )
    agree_idx, disagree_idx = repness.consensus(agree_all, disagree_all, seen_all)
    gic = np.full(active.size, np.nan)
    gic[active] = repness.group_informed_consensus(agree_g, seen_g)
    extremity = np.linalg.norm(projection.statements, axis=1)
    priority = np.zeros(active.size)
    priority[active] = repness.priority(agree_all, pass_all, seen_all, extremity)
    clock.lap("statements")

    return Analysis(
        participant_ids=matrix.participant_ids,
        statement_ids=matrix.statement_ids,
        active=active,
        n_votes=int(votes.nnz),
        n_votes_raw=matrix.n_votes_raw,
        clustered=clustered,
        participant_group=participant_group,
        participant_xy=participant_xy,
        statement_xy=statement_xy,
        groups=groups,
        consensus_agree=[int(active_ids[i]) for i in agree_idx],
        consensus_disagree=[int(active_ids[i]) for i in disagree_idx],
        group_informed_consensus=gic,
        priority=priority,
        silhouettes=clusters.silhouettes,
        group_votes=(agree_g, disagree_g, seen_g),
        best_k=best_k,
        state=MapState(
            best_k_history=history,
            n_groups=n_groups,
            clustered=[int(i) for i in matrix.participant_ids[clustered]],
        ),
        timings=clock.timings,
    )


def _describe(stats, direction, i, active_ids, agree, disagree, seen) -> dict:
    s = stats[direction]
    return {
        "statement": int(active_ids[i]),
        "direction": direction,
        "n_agree": int(agree[i]),
        "n_disagree": int(disagree[i]),
        "n_seen": int(seen[i]),
        "share": float(s["share"][i]),
        "ratio": float(s["ratio"][i]),
        "share_z": float(s["share_z"][i]),
        "ratio_z": float(s["ratio_z"][i]),
        "metric": float(s["metric"][i]),
    }
