"""Statement statistics: representativeness per group, consensus, priority.

All functions work on count arrays, so each formula can be checked by hand.
"""

from __future__ import annotations

import numpy as np

Z_90 = 1.2816  # one-sided 90 % critical value of the standard normal
MAX_REPRESENTATIVE = 5
MAX_CONSENSUS = 5


def smoothed_share(count, seen):
    """(count + 1) / (seen + 2): a share that is 1/2 when nothing is known."""
    return (np.asarray(count, dtype=np.float64) + 1.0) / (np.asarray(seen, dtype=np.float64) + 2.0)


def proportion_z(count, seen):
    """One-proportion z statistic of 'the share is above 1/2', with one pseudo-count added
    to both the successes and the trials: 2 * sqrt(n + 1) * ((count + 1) / (n + 1) - 1/2)."""
    count = np.asarray(count, dtype=np.float64) + 1.0
    seen = np.asarray(seen, dtype=np.float64) + 1.0
    return 2.0 * np.sqrt(seen) * (count / seen - 0.5)


def two_proportion_z(count_in, seen_in, count_out, seen_out):
    """Two-proportion z statistic of 'the share inside is above the share outside',
    with one pseudo-count added to every count."""
    c1, n1, c2, n2 = (
        np.asarray(a, dtype=np.float64) + 1.0 for a in (count_in, seen_in, count_out, seen_out)
    )
    p1, p2 = c1 / n1, c2 / n2
    pooled = (c1 + c2) / (n1 + n2)
    spread = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
    return np.divide(p1 - p2, spread, out=np.zeros(np.broadcast(p1, p2).shape), where=spread > 0)


def representativeness(agree, disagree, seen, agree_all, disagree_all, seen_all):
    """Group-against-rest statistics of each statement, as a dict of arrays (same shapes as
    the group counts). *_all are the counts over everyone clustered."""
    agree_rest, disagree_rest = agree_all - agree, disagree_all - disagree
    seen_rest = seen_all - seen
    stats = {}
    for name, count, rest in (("agree", agree, agree_rest), ("disagree", disagree, disagree_rest)):
        share = smoothed_share(count, seen)
        ratio = share / smoothed_share(rest, seen_rest)
        share_z = proportion_z(count, seen)
        ratio_z = two_proportion_z(count, seen, rest, seen_rest)
        stats[name] = {
            "share": share,  # pa / pd
            "ratio": ratio,  # ra / rd
            "share_z": share_z,  # pat / pdt
            "ratio_z": ratio_z,  # rat / rdt
            "metric": ratio * ratio_z * share * share_z,
        }
    return stats


def select_representative(stats: dict, seen: np.ndarray, limit: int = MAX_REPRESENTATIVE):
    """Representative statements of one group: [(statement index, direction)], best first.

    A statement is a candidate in the direction where it stands out more from the rest
    (larger two-proportion z), if, in that direction, the group mostly leans that way
    (share_z significant) and leans more than the rest (ratio_z significant).
    The best agree candidate, if any, comes first: groups are easier to read by what
    they support.
    """
    agree, disagree = stats["agree"], stats["disagree"]
    is_agree = agree["ratio_z"] >= disagree["ratio_z"]
    share_z = np.where(is_agree, agree["share_z"], disagree["share_z"])
    ratio_z = np.where(is_agree, agree["ratio_z"], disagree["ratio_z"])
    metric = np.where(is_agree, agree["metric"], disagree["metric"])
    candidate = (seen > 0) & (share_z > Z_90) & (ratio_z > Z_90)
    index = np.flatnonzero(candidate)
    index = index[np.lexsort((index, -metric[index]))][:limit]  # ties: lower index first
    chosen = [(int(i), "agree" if is_agree[i] else "disagree") for i in index]
    agree_first = [c for c in chosen if c[1] == "agree"][:1]
    if agree_first:
        chosen.remove(agree_first[0])
        chosen.insert(0, agree_first[0])
    return chosen


def consensus(agree, disagree, seen, limit: int = MAX_CONSENSUS):
    """Statements most of everyone agrees (or disagrees) with, significantly at 90 %,
    sorted by share x z. Returns (agree indices, disagree indices)."""
    result = []
    for count in (agree, disagree):
        share = smoothed_share(count, seen)
        z = proportion_z(count, seen)
        ok = np.flatnonzero((seen > 0) & (share > 0.5) & (z > Z_90))
        score = share[ok] * z[ok]
        result.append([int(i) for i in ok[np.lexsort((ok, -score))][:limit]])
    return result[0], result[1]


def group_informed_consensus(agree_by_group, seen_by_group):
    """Product over groups of the smoothed agree share: high only if every group agrees.
    Arrays are (n_groups, n_statements); with no groups the product is empty, i.e. 1."""
    return np.prod(smoothed_share(agree_by_group, seen_by_group), axis=0)


def priority(agree, passes, seen, extremity):
    """How much showing this statement next would teach us.

    importance = (1 - pass share) * (extremity + 1) * agree share   (smoothed shares)
    priority   = (importance * (1 + 8 * 2 ** (-seen / 5))) ** 2
    The second factor boosts new statements, fading as votes come in.
    """
    pass_share = smoothed_share(passes, seen)
    agree_share = smoothed_share(agree, seen)
    importance = (1.0 - pass_share) * (np.asarray(extremity) + 1.0) * agree_share
    novelty = 1.0 + 8.0 * np.power(2.0, -np.asarray(seen, dtype=np.float64) / 5.0)
    return (importance * novelty) ** 2
