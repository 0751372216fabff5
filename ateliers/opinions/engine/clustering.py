"""Base clusters on the opinion map, then opinion groups made of base clusters."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_BASE_CLUSTERS = 100
BASE_MAX_ITER = 100


@dataclass(frozen=True)
class Clusters:
    base_of: np.ndarray  # point -> base cluster
    base_centers: np.ndarray  # (n_base, 2)
    base_sizes: np.ndarray  # (n_base,)
    group_of_base: np.ndarray  # base cluster -> group, or empty when no groups
    silhouettes: dict  # number of groups tried -> weighted silhouette

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
    _, first, inverse, counts = np.unique(
        points, axis=0, return_index=True, return_inverse=True, return_counts=True
    )
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    return points[first[order]], counts[order].astype(np.float64), rank[inverse.reshape(-1)]


def base_clusters(points: np.ndarray, max_base: int = MAX_BASE_CLUSTERS):
    """Fine clusters of the participants' positions: (labels, centers, sizes).

    No randomness: the initial centres are the first distinct positions, in participant
    order (as Polis does), then Lloyd iterations until no point changes cluster.
    """
    uniq, counts, inverse = _distinct_points(points)
    k = min(max_base, uniq.shape[0])
    if k == 0:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 2)), np.zeros(0)
    if uniq.shape[0] > 5_000:
        # many points: scikit-learn's Lloyd runs in parallel C loops; same algorithm
        from sklearn.cluster import KMeans

        km = KMeans(k, init=uniq[:k], n_init=1, max_iter=BASE_MAX_ITER, tol=0.0, algorithm="lloyd")
        km.fit(uniq, sample_weight=counts)
        labels, centers = km.labels_, km.cluster_centers_
    else:
        labels, centers = weighted_kmeans(uniq, counts, uniq[:k], max_iter=BASE_MAX_ITER)
    labels = labels[inverse]
    sizes = np.bincount(labels, minlength=centers.shape[0]).astype(np.float64)
    used = sizes > 0
    remap = np.cumsum(used) - 1
    return remap[labels], centers[used], sizes[used]


def opinion_groups(
    points: np.ndarray, max_base: int = MAX_BASE_CLUSTERS, k_range=(2, 5)
) -> Clusters:
    """Base clusters, then groups of base clusters by weighted k-means started from the
    first k base clusters; the number of groups maximises the size-weighted silhouette
    of the base clusters."""
    base_of, centers, sizes = base_clusters(points, max_base)
    silhouettes: dict[int, float] = {}
    best = None
    for k in range(k_range[0], k_range[1] + 1):
        if k >= centers.shape[0]:  # need more base clusters than groups
            break
        labels, _ = weighted_kmeans(centers, sizes, centers[:k])
        if np.unique(labels).size < k:
            continue
        score = weighted_silhouette(centers, sizes, labels)
        silhouettes[k] = score
        if best is None or score > best[0] + 1e-12:
            best = (score, labels)
    if best is None:
        return Clusters(base_of, centers, sizes, np.zeros(0, dtype=np.int64), silhouettes)
    return Clusters(base_of, centers, sizes, _order_groups(best[1], sizes), silhouettes)


def _order_groups(labels: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Number groups by decreasing size (ties: first base cluster), so ids are stable."""
    groups = np.unique(labels)
    mass = np.array([sizes[labels == g].sum() for g in groups])
    first = np.array([np.flatnonzero(labels == g)[0] for g in groups])
    order = np.lexsort((first, -mass))
    new_id = np.empty(groups.size, dtype=np.int64)
    new_id[order] = np.arange(groups.size)
    return new_id[np.searchsorted(groups, labels)]
