"""Base clusters on the opinion map, then opinion groups made of base clusters."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from scipy.spatial import cKDTree

MAX_BASE_CLUSTERS = 100
MAX_DISTINCT_FOR_EXACT = 5_000  # beyond, pool positions on a grid before k-means
GRID_CELLS = 128
CLEARLY_BETTER = 0.9  # another start must cut the within-group spread by 10 %
BASE_MAX_ITER = 20  # as in Polis: later iterations barely move a 2-D clustering


@dataclass(frozen=True)
class Clusters:
    base_of: np.ndarray  # point -> base cluster
    base_centers: np.ndarray  # (n_base, 2)
    base_sizes: np.ndarray  # (n_base,)
    group_of_base: np.ndarray  # base cluster -> group, or empty when no groups
    silhouettes: dict  # number of groups tried -> weighted silhouette
    # every number of groups tried -> its grouping of the base clusters (numbered by size)
    by_k: dict = field(default_factory=dict)

    @property
    def best_k(self) -> int:
        """The number of groups with the best silhouette (0 when there are none)."""
        return int(self.group_of_base.max(initial=-1)) + 1

    def with_k(self, k: int) -> Clusters:
        """The same base clusters grouped in k groups (k must have been tried)."""
        return replace(self, group_of_base=self.by_k[k])

    @property
    def group_of(self) -> np.ndarray:
        if self.group_of_base.size == 0:
            return np.full(self.base_of.size, -1)
        return self.group_of_base[self.base_of]


def _sq_distances(points: np.ndarray, centers: np.ndarray) -> np.ndarray:
    d = (points * points).sum(1)[:, None] - 2.0 * points @ centers.T
    d += (centers * centers).sum(1)[None, :]
    return np.maximum(d, 0.0)


def weighted_kmeans(points, weights, centers, max_iter=100):
    """Lloyd's k-means with point weights, from the given initial centres.
    Returns (labels, centers). An emptied centre stays where it was."""
    centers = np.array(centers, dtype=np.float64)
    k = centers.shape[0]
    labels = np.full(points.shape[0], -1)
    for _ in range(max_iter):
        new_labels = np.argmin(_sq_distances(points, centers), axis=1)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
        mass = np.bincount(labels, weights=weights, minlength=k)
        for axis in range(points.shape[1]):
            total = np.bincount(labels, weights=weights * points[:, axis], minlength=k)
            moved = np.divide(total, mass, out=centers[:, axis].copy(), where=mass > 0)
            centers[:, axis] = moved
    return labels, centers


def weighted_silhouette(points, weights, labels) -> float:
    """Mean silhouette where each point stands for `weight` identical points."""
    groups = np.unique(labels)
    if groups.size < 2:
        return -1.0
    dist = np.sqrt(_sq_distances(points, points))
    # mean distance from each point to each group (its own weight counts at distance 0)
    onehot = (labels[:, None] == groups[None, :]) * weights[:, None]
    mass = onehot.sum(0)
    mean_to = dist @ onehot
    own = np.searchsorted(groups, labels)
    own_mass = mass[own] - 1.0  # leave out one copy of the point itself
    a = np.divide(
        mean_to[np.arange(len(labels)), own],
        own_mass,
        out=np.zeros(len(labels)),
        where=own_mass > 0,
    )
    mean_to = mean_to / mass[None, :]
    mean_to[np.arange(len(labels)), own] = np.inf
    b = mean_to.min(1)
    s = np.where(own_mass > 0, (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0.0)
    return float((s * weights).sum() / weights.sum())


def _distinct_points(points):
    """Distinct points in order of first appearance, their multiplicity, and for each
    original point the index of its distinct copy."""
    if points.shape[0] == 0:
        return points, np.zeros(0), np.zeros(0, dtype=np.int64)
    order = np.lexsort((points[:, 1], points[:, 0]))
    ordered = points[order]
    starts = np.ones(order.size, dtype=bool)
    starts[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    run_of = np.cumsum(starts) - 1  # sorted position -> run of equal points
    first = np.minimum.reduceat(order, np.flatnonzero(starts))  # first appearance per run
    counts = np.diff(np.append(np.flatnonzero(starts), order.size))
    rank_of_run = np.empty(first.size, dtype=np.int64)
    rank_of_run[np.argsort(first, kind="stable")] = np.arange(first.size)
    inverse = np.empty(order.size, dtype=np.int64)
    inverse[order] = rank_of_run[run_of]
    by_rank = np.sort(first)
    return points[by_rank], counts[np.argsort(first, kind="stable")].astype(np.float64), inverse


def _pool_on_grid(points: np.ndarray, cells: int) -> np.ndarray:
    """Snap points to the centres of a cells x cells grid spanning them."""
    low, high = points.min(0), points.max(0)
    width = np.where(high > low, (high - low) / cells, 1.0)
    index = np.minimum(np.floor((points - low) / width), cells - 1)
    return low + (index + 0.5) * width


def base_clusters(points: np.ndarray, max_base: int = MAX_BASE_CLUSTERS):
    """Fine clusters of the participants' positions: (labels, centers, sizes).

    No randomness: the initial centres are the first distinct positions, in participant
    order (as Polis does), then weighted Lloyd iterations. With very many distinct
    positions, k-means runs on positions pooled on a fine grid (weighted by how many
    participants each cell holds), then every participant joins its nearest centre.
    """
    points = np.asarray(points, dtype=np.float64)
    uniq, counts, inverse = _distinct_points(points)
    pooled = uniq.shape[0] > MAX_DISTINCT_FOR_EXACT
    if pooled:
        uniq, counts, inverse = _distinct_points(_pool_on_grid(points, GRID_CELLS))
    k = min(max_base, uniq.shape[0])
    if k == 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 2)), np.zeros(0)
    labels, centers = weighted_kmeans(uniq, counts, uniq[:k], max_iter=BASE_MAX_ITER)
    if pooled:
        labels = cKDTree(centers).query(points)[1]
    else:
        labels = labels[inverse]
    sizes = np.bincount(labels, minlength=centers.shape[0]).astype(np.float64)
    used = sizes > 0
    remap = np.cumsum(used) - 1
    return remap[labels], centers[used], sizes[used]


def _farthest_first(points: np.ndarray, k: int, first: int) -> np.ndarray:
    """k points spread out: start at `first`, then add the point farthest from those chosen."""
    chosen = [first]
    closest = _sq_distances(points, points[[first]])[:, 0]
    for _ in range(1, k):
        chosen.append(int(np.argmax(closest)))
        closest = np.minimum(closest, _sq_distances(points, points[[chosen[-1]]])[:, 0])
    return points[chosen]


def _group_starts(centers: np.ndarray, sizes: np.ndarray, k: int) -> list:
    """Deterministic starting centres for the groups: the first k base clusters (Polis's
    choice), and two spread-out choices that rescue the cases where the first k base
    clusters all sit in one region."""
    return [
        centers[:k],
        _farthest_first(centers, k, 0),
        _farthest_first(centers, k, int(np.argmax(sizes))),
    ]


def opinion_groups(
    points: np.ndarray, max_base: int = MAX_BASE_CLUSTERS, k_range=(2, 5)
) -> Clusters:
    """Base clusters, then groups of base clusters by weighted k-means. For each number
    of groups k, k-means runs from a few deterministic starts (see _group_starts); the
    size-weighted silhouette of the base clusters then picks k."""
    base_of, centers, sizes = base_clusters(points, max_base)
    silhouettes: dict[int, float] = {}
    by_k: dict[int, np.ndarray] = {}
    best = None
    for k in range(k_range[0], k_range[1] + 1):
        if k >= centers.shape[0]:  # need more base clusters than groups
            break
        best_k = None
        for start in _group_starts(centers, sizes, k):
            labels, found = weighted_kmeans(centers, sizes, start)
            if np.unique(labels).size < k:
                continue
            inertia = float(
                (sizes * _sq_distances(centers, found)[np.arange(labels.size), labels]).sum()
            )
            # Polis's start (the first) stays unless another start fits clearly better
            if best_k is None or inertia < CLEARLY_BETTER * best_k[1]:
                best_k = (weighted_silhouette(centers, sizes, labels), inertia, labels)
        if best_k is None:
            continue
        silhouettes[k] = best_k[0]
        by_k[k] = _order_groups(best_k[2], sizes)
        if best is None or best_k[0] > best[0] + 1e-12:
            best = best_k
    if best is None:
        return Clusters(base_of, centers, sizes, np.zeros(0, dtype=np.int64), silhouettes, by_k)
    return Clusters(base_of, centers, sizes, _order_groups(best[2], sizes), silhouettes, by_k)


def _order_groups(labels: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Number groups by decreasing size (ties: first base cluster), so ids are stable."""
    groups = np.unique(labels)
    mass = np.array([sizes[labels == g].sum() for g in groups])
    first = np.array([np.flatnonzero(labels == g)[0] for g in groups])
    order = np.lexsort((first, -mass))
    new_id = np.empty(groups.size, dtype=np.int64)
    new_id[order] = np.arange(groups.size)
    return new_id[np.searchsorted(groups, labels)]
